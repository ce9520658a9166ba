package io.debtwatch.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.command.AbstractCommandSupport;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A real SSH Git server for tests: Apache MINA SSHD on 127.0.0.1 (random port, generated host key,
 * public-key authentication only) whose {@code git-upload-pack '<path>'} runs JGit's {@link UploadPack}
 * on a repository registered with {@link #serve}.
 */
public final class GitSshServer implements AutoCloseable {

    private static final Pattern UPLOAD_PACK = Pattern.compile("^git-upload-pack '?/?([^']+?)'?$");

    private final SshServer server;
    private final KeyPair hostKey = newKeyPair();
    private final Set<PublicKey> authorized = ConcurrentHashMap.newKeySet();
    private final Map<String, Path> repositories = new ConcurrentHashMap<>();

    private GitSshServer() {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> authorized.stream()
                .anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> new UploadPackCommand(command));
    }

    /**
     * @return a started server that serves nothing and lets nobody in yet
     */
    public static GitSshServer start() {
        GitSshServer git = new GitSshServer();
        try {
            git.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return git;
    }

    /**
     * @param path    the path in the SSH URL, such as {@code repo.git}
     * @param workDir a GitFixture's folder
     * @return this server
     */
    public GitSshServer serve(String path, Path workDir) {
        repositories.put(path, workDir);
        return this;
    }

    /**
     * @param key a client key that may log in from now on
     * @return this server
     */
    public GitSshServer authorize(PublicKey key) {
        authorized.add(key);
        return this;
    }

    /**
     * @param key a client key that may no longer log in (a deploy key removed on the Git host)
     */
    public void revoke(PublicKey key) {
        authorized.removeIf(k -> KeyUtils.compareKeys(k, key));
    }

    public int port() {
        return server.getPort();
    }

    /**
     * @param port the port clients connect to (this server's, or a proxy's in front of it)
     * @return the known_hosts line that vouches for this server's host key there
     */
    public String knownHostsLine(int port) {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /**
     * @return a new EC P-256 key pair
     */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param pair a key pair
     * @return its private key as unencrypted OpenSSH text, what a user pastes into the API
     */
    public static String openSshText(KeyPair pair) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "debtwatch-test", null, out);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** {@code git-upload-pack} on one served repository, on a thread sshd gives it. */
    private final class UploadPackCommand extends AbstractCommandSupport {

        UploadPackCommand(String command) {
            super(command, null);
        }

        @Override
        public void run() {
            Matcher m = UPLOAD_PACK.matcher(getCommand());
            Path dir = m.matches() ? repositories.get(m.group(1)) : null;
            if (dir == null) {
                fail("fatal: '" + getCommand() + "' does not appear to be a git repository\n");
                return;
            }
            try (Repository repo = new FileRepositoryBuilder().setWorkTree(dir.toFile()).build()) {
                UploadPack pack = new UploadPack(repo);
                String protocol = getEnvironment().getEnv().get("GIT_PROTOCOL");
                if (protocol != null) {
                    pack.setExtraParameters(List.of(protocol));
                }
                pack.upload(getInputStream(), getOutputStream(), getErrorStream());
                getOutputStream().flush();
                onExit(0);
            } catch (IOException e) {
                fail("fatal: " + e.getMessage() + "\n");
            }
        }

        private void fail(String message) {
            try {
                getErrorStream().write(message.getBytes(StandardCharsets.UTF_8));
                getErrorStream().flush();
            } catch (IOException e) {
                // the client is gone: the exit status below is all that is left to give
                message = message + " (" + e.getMessage() + ")";
            }
            onExit(128, message.trim());
        }
    }
}
