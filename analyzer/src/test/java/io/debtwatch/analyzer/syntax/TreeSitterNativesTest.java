package io.debtwatch.analyzer.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.analyzer.AnalysisSettings;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.RepositoryRoot;
import io.debtwatch.analyzer.bench.Benchmark;
import io.debtwatch.analyzer.scan.ScanResult;
import io.debtwatch.analyzer.scan.TreeScan;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryException;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSTree;

/** The optimised tree-sitter library (src/main/native) under the binding's API: built wherever there is a C
 *  compiler, giving the very results of the binding's own library, and the only tree-sitter code a scan runs. */
class TreeSitterNativesTest {

    @Test
    void aBuildOnAMachineWithACCompilerShipsTheLibraryAndTheAnalyzerUsesIt() {
        String resource = TreeSitterNatives.resource();
        boolean compiler = onPath(System.getenv().getOrDefault("CC", "cc"));
        if (compiler && resource != null) {
            assertNotNull(TreeSitterNatives.class.getResource(resource), "the build did not compile " + resource);
        }
        assertEquals(TreeSitterNatives.class.getResource(resource) != null, TreeSitterNatives.optimised());
    }

    @Test
    void aScanGivesTheSameResultOnTheOptimisedLibraryAsOnTheBindingsOwn(@TempDir Path corpus) throws Exception {
        Benchmark.main(new String[] {"generate", corpus.resolve("generated").toString(), "3000"});
        Path cases = RepositoryRoot.find().resolve("analyzer/src/test/resources/cases");
        for (Path tree : List.of(cases, corpus)) {
            ChildScan optimised = scanInChild(tree, true);
            ChildScan own = scanInChild(tree, false);
            assertTrue(optimised.result.contains("findings=[Finding["), "no findings in " + tree);
            int at = firstDifference(own.result, optimised.result);
            assertEquals(-1, at, () -> "results differ for " + tree + " at " + at + ": binding's library gives ..."
                    + around(own.result, at) + "..., the optimised one ..." + around(optimised.result, at) + "...");
            assertEquals(TreeSitterNatives.class.getResource(TreeSitterNatives.resource()) != null, optimised.usedOptimised);
            assertFalse(own.usedOptimised);
            if (optimised.usedOptimised) {
                assertEquals(List.of(), optimised.bindingNativesLinked,
                        "natives of the binding's own library ran beside the optimised one");
            }
        }
    }

    @Test
    void parseQueryAndNodeAccessBehaveAsTheBindingDocuments() {
        Grammar java = Grammar.of("java");
        TSParser parser = new TSParser();
        parser.setLanguage(java.tsLanguage);
        byte[] source = "class A { void f() { if (a && b) { g(1); } } }".getBytes(StandardCharsets.UTF_8);
        TSTree tree = parser.parseString(null, new String(source, StandardCharsets.UTF_8));
        TSNode root = tree.getRootNode();
        assertEquals("(program (class_declaration name: (identifier) body: (class_body (method_declaration type: "
                + "(void_type) name: (identifier) parameters: (formal_parameters) body: (block (if_statement condition: "
                + "(parenthesized_expression (binary_expression left: (identifier) right: (identifier))) consequence: "
                + "(block (expression_statement (method_invocation name: (identifier) arguments: (argument_list "
                + "(decimal_integer_literal)))))))))))", root.toString());
        TSNode method = root.getNamedChild(0).getChildByFieldName("body").getNamedChild(0);
        assertEquals("method_declaration", method.getType());
        assertEquals(10, method.getStartByte());
        assertEquals(source.length - 2, method.getEndByte());
        assertEquals("f", new String(source, method.getChildByFieldName("name").getStartByte(), 1, StandardCharsets.UTF_8));
        assertTrue(method.getChildByFieldName("nothing").isNull());
        assertEquals(0, root.getStartPoint().getRow());
        assertEquals(source.length - 2, method.getEndPoint().getColumn());
        assertEquals(1, root.getChildCount());
        assertEquals("class_body", method.getParent().getType());
        assertEquals("{", method.getPrevSibling().getType());
        assertEquals("}", method.getNextSibling().getType());
        assertTrue(method.getNextNamedSibling().isNull());
        assertEquals("void_type", method.getChild(0).getType());
        assertTrue(method.isNamed());
        assertFalse(method.getChild(0).isMissing() || root.hasError() || root.isError());
        assertTrue(parser.parseString(null, "class B { void g( }").getRootNode().hasError());

        TSQuery calls = new TSQuery(java.tsLanguage, "(method_invocation name: (identifier) @name) @call");
        assertEquals(1, calls.getPatternCount());
        assertEquals(2, calls.getCaptureCount());
        TSQueryCursor cursor = new TSQueryCursor();
        cursor.exec(calls, root);
        TSQueryMatch match = new TSQueryMatch();
        assertTrue(cursor.nextMatch(match));
        assertEquals(2, match.getCaptures().length);
        assertEquals("g", new String(source, match.getCaptures()[1].getNode().getStartByte(), 1, StandardCharsets.UTF_8));
        assertFalse(cursor.nextMatch(match));
        assertThrows(TSQueryException.class, () -> new TSQuery(java.tsLanguage, "(no_such_node) @x"));
    }

    @Test
    void aReaderThatFailsEndsTheParseWithItsException() {
        TSParser parser = new TSParser();
        parser.setLanguage(Grammar.of("python").tsLanguage);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> parser.parse(new byte[16], null, (buf, offset, position) -> {
                    throw new IllegalStateException("read failed at " + offset);
                }, TSInputEncoding.TSInputEncodingUTF8));
        assertEquals("read failed at 0", failure.getMessage());
        TSTree after = parser.parseString(null, "x = 1\n");
        assertEquals("(module (expression_statement (assignment left: (identifier) right: (integer))))",
                after.getRootNode().toString());
    }

    @Test
    void aStringIsParsedAsUtf8OrAsItsUtf16Characters() {
        TSParser parser = new TSParser();
        parser.setLanguage(Grammar.of("python").tsLanguage);
        String source = "s = 'é'\n";
        assertEquals(source.getBytes(StandardCharsets.UTF_8).length, parser.parseString(null, source).getRootNode().getEndByte());
        if (!TreeSitterNatives.optimised()) {
            return; // the binding's own library hands the UTF-8 bytes over as UTF-16, which parses to errors
        }
        for (TSInputEncoding utf16 : List.of(TSInputEncoding.TSInputEncodingUTF16LE, TSInputEncoding.TSInputEncodingUTF16BE)) {
            TSNode root = parser.parseStringEncoding(null, source, utf16).getRootNode();
            assertEquals(2 * source.length(), root.getEndByte());
            assertFalse(root.hasError());
        }
    }

    /** Scans a tree in a child JVM with the optimised library on or off, logging how natives get linked. */
    private static ChildScan scanInChild(Path tree, boolean optimised) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + TreeSitterNatives.SWITCH + "=" + optimised,
                "-Xlog:jni+resolve=debug:stderr",
                "-cp", System.getProperty("java.class.path"),
                ScanChild.class.getName(), tree.toString()));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), err);
        List<String> linked = err.lines().filter(l -> l.contains("Dynamic-linking native method org.treesitter.TSParser."))
                .map(l -> l.replaceAll(".*TSParser\\.(\\w+).*", "$1")).toList();
        return new ChildScan(out.lines().skip(1).reduce("", String::concat), out.startsWith("optimised=true"), linked);
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : n;
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 150), Math.min(text.length(), at + 150));
    }

    private record ChildScan(String result, boolean usedOptimised, List<String> bindingNativesLinked) {
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The child: which library runs, then the whole scan result. */
    public static final class ScanChild {
        private ScanChild() {
        }

        public static void main(String[] args) {
            try {
                List<String> problems = new ArrayList<>();
                ScanResult result = TreeScan.scan(new Analyzer(AnalysisSettings.defaults()),
                        TreeScan.listDirectory(Path.of(args[0]), problems), problems, done -> { });
                System.out.println("optimised=" + TreeSitterNatives.optimised());
                System.out.println(result);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
