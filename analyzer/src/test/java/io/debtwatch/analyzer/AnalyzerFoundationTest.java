package io.debtwatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The starter behaviour other modules build on: Java parse, lines of code, debt comments, empty catch. */
class AnalyzerFoundationTest {
    private final Analyzer analyzer = new Analyzer(AnalysisSettings.defaults());

    @Test
    void javaFileGivesLinesOfCodeTodoAndEmptyCatch() {
        String source = """
                package shop;

                // TODO retry when the store is down
                class Store {
                    /** Saves. */
                    void save() {
                        try {
                            write();
                        } catch (java.io.IOException e) {
                        }
                    }
                    void write() throws java.io.IOException {
                    }
                }
                """;
        FileAnalysis result = analyzer.analyzeFile("src/main/java/shop/Store.java", source.getBytes(StandardCharsets.UTF_8));
        assertNull(result.skippedReason());
        assertEquals("java", result.language());
        assertEquals(11, result.codeLines());
        List<String> found = result.findings().stream().map(f -> f.indicatorId() + "@" + f.startLine()).toList();
        assertEquals(List.of("satd.todo@3", "error-handling.empty-catch@9"), found);
        Finding todo = result.findings().get(0);
        assertEquals("satd", todo.category());
        assertEquals("// TODO retry when the store is down", todo.snippet());
        assertEquals(32, todo.fingerprint().length());
    }

    @Test
    void fingerprintSurvivesMovedLines() {
        String a = "class A {\n  void f() { try { g(); } catch (Exception e) { } }\n}\n";
        String b = "\n\n\nclass A {\n\n  void f() { try { g(); } catch (Exception e) { } }\n}\n";
        Finding fa = analyzer.analyzeFile("A.java", a.getBytes(StandardCharsets.UTF_8)).findings().get(0);
        Finding fb = analyzer.analyzeFile("A.java", b.getBytes(StandardCharsets.UTF_8)).findings().get(0);
        assertEquals(2, fa.startLine());
        assertEquals(6, fb.startLine());
        assertEquals(fa.fingerprint(), fb.fingerprint());
    }

    @Test
    void binaryContentIsSkippedNotThrown() {
        FileAnalysis result = analyzer.analyzeFile("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        assertEquals("binary", result.skippedReason());
        assertTrue(result.findings().isEmpty());
    }
}
