package io.debtwatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    private final Analyzer analyzer = new Analyzer(AnalysisSettings.defaults());

    private FileAnalysis analyze(String path, String text) {
        return analyzer.analyzeFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> ids(FileAnalysis analysis) {
        return analysis.findings().stream().map(f -> f.indicatorId() + "@" + f.startLine()).toList();
    }

    @Test
    void findsTaggedDebtCommentsWithTheirLines() {
        FileAnalysis result = analyze("src/A.java", """
                class A {
                    // TODO: make this configurable
                    int rate = 2; // FIXME wrong for leap years
                    String todoList = "TODO"; 
                }
                """);
        assertEquals(List.of("satd.tagged@2", "satd.tagged@3"), ids(result));
        assertEquals(4, result.codeLines());
        assertEquals("java", result.language());
    }

    @Test
    void findsEmptyCatchBlocksInJavaOnly() {
        String java = """
                class A {
                    void f() {
                        try { g(); } catch (Exception e) {
                        }
                        try { g(); } catch (Exception e) { log(e); }
                    }
                }
                """;
        assertEquals(List.of("error-handling.empty-catch@3"), ids(analyze("src/A.java", java)));
        assertEquals(List.of(), ids(analyze("src/a.py", "try:\n    g()\nexcept Exception:\n    log()\n")));
    }

    @Test
    void findsPrintsConnectionStringsAndCredentialsButRedactsSecrets() {
        FileAnalysis result = analyze("app/db.py", """
                import os
                print("connecting")
                url = "postgres://admin@db.internal:5432/shop"
                password = "hunter2-prod"
                token = "${API_TOKEN}"
                """);
        assertEquals(List.of("observability.print@2", "config.connection-string@3",
                "security.hardcoded-credential@4"), ids(result));
        Finding secret = result.findings().get(2);
        assertFalse(secret.snippet().contains("hunter2-prod"), secret.snippet());
    }

    @Test
    void inlineIgnoreAndSettingsSilenceIndicators() throws SettingsException {
        String text = "// debtwatch:ignore satd.tagged\n// TODO later\nclass A {}\n";
        assertEquals(List.of(), ids(analyze("A.java", text)));
        Analyzer tuned = new Analyzer(AnalysisSettings.parse("exclude:\n  - \"gen/**\"\ndisable:\n  - observability.print\n"));
        assertTrue(tuned.analyzeFile("gen/X.java", "// TODO\n".getBytes(StandardCharsets.UTF_8)).isSkipped());
        assertEquals(List.of(), tuned.analyzeFile("src/x.js", "console.log(1)\n".getBytes(StandardCharsets.UTF_8))
                .findings());
    }

    @Test
    void invalidSettingsNameTheKeyAndLine() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> AnalysisSettings.parse("exclude:\n  - a\nexlude:\n  - b\n"));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("exlude"), e.getMessage());
    }

    @Test
    void skipsBinaryVendoredAndInvalidText() {
        assertEquals("binary", analyzer.analyzeFile("a.bin", new byte[] {1, 0, 2}).skippedReason());
        assertEquals("vendored", analyze("node_modules/x/index.js", "x").skippedReason());
        assertEquals("not UTF-8 text", analyzer.analyzeFile("a.txt", new byte[] {(byte) 0xC3, (byte) 0x28})
                .skippedReason());
    }

    @Test
    void fingerprintsSurviveMovedLines() {
        Finding before = analyze("A.java", "// TODO fix\n").findings().get(0);
        Finding after = analyze("A.java", "\n\n\n//   TODO   fix\n").findings().get(0);
        assertEquals(before.fingerprint(), after.fingerprint());
        assertEquals(4, after.startLine());
    }

    @Test
    void repositoryChecksAndCommitMessages() {
        RepositoryAnalysis repo = analyzer.analyzeRepository(List.of(analyze("README.md", "# x\n"),
                analyze("src/test/java/ATest.java", "class ATest {}\n")));
        assertEquals(true, repo.checks().get("readme"));
        assertEquals(true, repo.checks().get("tests"));
        assertEquals(false, repo.checks().get("ci"));
        assertNotNull(repo.findings().stream().filter(f -> f.indicatorId().equals("readiness.no-ci")).findFirst()
                .orElse(null));
        assertEquals(1, analyzer.analyzeCommitMessage("WIP: quick hack for the demo").size());
        assertEquals(0, analyzer.analyzeCommitMessage("Add order export").size());
    }
}
