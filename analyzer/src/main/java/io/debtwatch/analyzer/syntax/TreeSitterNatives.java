package io.debtwatch.analyzer.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSPoint;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryException;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSReader;

/**
 * Puts the optimised tree-sitter library under the binding's Java API. The tree-sitter binding ships a debug
 * build of tree-sitter (no optimisation); the analyzer's build compiles tree-sitter's core with optimisation
 * into {@code native/<os>-<arch>/libdebtwatch-tree-sitter.*} inside this jar (src/main/native/build.sh, when
 * the build machine has a C compiler). Installing it binds the binding's {@code TSParser} natives to that
 * library, so every parse, query and node access runs there; the grammars stay the binding's.
 *
 * <p>When the jar holds no library for this platform, or it cannot be loaded, the binding's own library is
 * used: the same results, slower. So is it with {@code -Ddebtwatch.tree-sitter.optimised=false}.
 * {@link #optimised()} says which one runs.
 */
public final class TreeSitterNatives {
    private static final System.Logger LOG = System.getLogger(TreeSitterNatives.class.getName());
    private static final String LIBRARY = "libdebtwatch-tree-sitter";
    /** System property; "false" keeps the binding's own library (to compare, or to rule this one out). */
    public static final String SWITCH = "debtwatch.tree-sitter.optimised";
    private static Boolean optimised;

    private TreeSitterNatives() {
    }

    /** Installs the optimised library once per process, before the first tree-sitter call; true when it runs. */
    public static synchronized boolean optimised() {
        if (optimised == null) {
            optimised = install();
        }
        return optimised;
    }

    /** The library's resource path for this platform, or null when this platform has no build. */
    public static String resource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osKey = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : null;
        String archKey = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        if (osKey == null || archKey == null) {
            return null;
        }
        return "/native/" + osKey + "-" + archKey + "/" + LIBRARY + (osKey.equals("darwin") ? ".dylib" : ".so");
    }

    private static boolean install() {
        if ("false".equals(System.getProperty(SWITCH))) {
            LOG.log(Level.INFO, SWITCH + "=false: using the tree-sitter binding's own library");
            return false;
        }
        String resource = resource();
        byte[] library = resource == null ? null : read(resource);
        if (library == null) {
            LOG.log(Level.DEBUG, "no optimised tree-sitter library for this platform in the analyzer jar; "
                    + "using the binding's own library");
            return false;
        }
        try {
            System.load(extract(library, resource).toString());
            int status = register(TSParser.class, TSNode.class, TSPoint.class, TSQueryMatch.class,
                    TSQueryCapture.class, TSReader.class, TSQueryException.class);
            if (status != 0) {
                LOG.log(Level.WARNING, "the optimised tree-sitter library does not fit this tree-sitter binding "
                        + "(status " + status + "); using the binding's own library");
                return false;
            }
            return true;
        } catch (IOException | LinkageError | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot load the optimised tree-sitter library; using the binding's own library", e);
            return false;
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = TreeSitterNatives.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read " + resource + " from the analyzer jar", e);
            return null;
        }
    }

    /** Writes the library into a directory only this user can write (the same file is used again while its
     *  bytes are the jar's), moving it into place whole, so no other process sees a half-written library and no
     *  other user can put a library of theirs where this one is loaded from. */
    private static Path extract(byte[] library, String resource) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(library);
        String name = LIBRARY + "-" + HexFormat.of().toHexDigits((int) crc.getValue())
                + resource.substring(resource.lastIndexOf('.'));
        Path dir = privateDirectory();
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Arrays.equals(Files.readAllBytes(target), library)) {
            return target;
        }
        if (!dir.equals(sharedDirectory())) {
            target.toFile().deleteOnExit();
        }
        Path partial = Files.createTempFile(dir, name, ".part");
        try {
            Files.write(partial, library);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    private static Path sharedDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "debtwatch-native-" + System.getProperty("user.name", "user"));
    }

    /** tmpdir/debtwatch-native-USER, made owner-only; a new temporary directory when that one exists but others
     *  could write to it (or the file system has no POSIX permissions). */
    private static Path privateDirectory() throws IOException {
        Path shared = sharedDirectory();
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        try {
            if (!Files.exists(shared, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(shared, PosixFilePermissions.asFileAttribute(ownerOnly));
            }
            if (Files.isDirectory(shared, LinkOption.NOFOLLOW_LINKS)
                    && Files.getPosixFilePermissions(shared, LinkOption.NOFOLLOW_LINKS).equals(ownerOnly)
                    && Files.isWritable(shared)) {
                return shared;
            }
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            LOG.log(Level.DEBUG, "not using " + shared + " for the tree-sitter library: " + e);
        }
        Path own = Files.createTempDirectory("debtwatch-native");
        own.toFile().deleteOnExit();
        return own;
    }

    /** Binds the TSParser natives to the loaded library; 0 on success. */
    private static native int register(Class<?> parser, Class<?> node, Class<?> point, Class<?> match,
            Class<?> capture, Class<?> reader, Class<?> queryException);
}
