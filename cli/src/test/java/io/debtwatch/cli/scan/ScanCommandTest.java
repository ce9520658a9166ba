package io.debtwatch.cli.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debtwatch.cli.DebtwatchCommand;
import io.debtwatch.testsupport.GitFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `debtwatch scan` as a user runs it: summary, JSON, CI gate, Git revisions and garbage input. */
class ScanCommandTest {
    private static final String HACK = """
            const express = require('express');
            const app = express();
            const password = 'supersecret99';
            // TODO: add auth before the demo
            app.get('/u', (req, res) => {
              try {
                res.send(JSON.parse(req.query.q));
              } catch (e) {
              }
              console.log('served');
            });
            app.listen(3000);
            """;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new DebtwatchCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String path, String content) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void summaryShowsIndexGradeCategoriesAndFindingsWithFileAndLine() throws Exception {
        write("src/app.js", HACK);
        Run run = run("scan", dir.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Prototype index: "), run.out());
        assertTrue(run.out().contains("grade "), run.out());
        assertTrue(run.out().contains("  security "), run.out());
        assertTrue(run.out().contains("src/app.js:3  critical security.credential-assignment"), run.out());
        assertTrue(run.out().contains("src/app.js:8  major    error-handling.empty-catch"), run.out());
        assertTrue(!run.out().contains("supersecret99"), "secret printed: " + run.out());
    }

    @Test
    void jsonHoldsTheFullResultAndRedactsSecrets() throws Exception {
        write("src/app.js", HACK);
        write("src/app.test.js", "console.log('ok');\n");
        Run run = run("scan", dir.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("1.0.0", json.get("analyzerVersion").asText());
        assertTrue(json.get("score").get("index").asDouble() > 0);
        assertEquals(1, json.get("testLinesOfCode").asInt());
        JsonNode findings = json.get("findings");
        assertTrue(findings.size() >= 5, findings.toString());
        assertTrue(!run.out().contains("supersecret99"));
        assertEquals(false, json.get("repositoryChecks").get("readme").asBoolean());
    }

    @Test
    void failAboveIsACiGate() throws Exception {
        write("src/app.js", HACK);
        assertEquals(1, run("scan", dir.toString(), "--fail-above", "10").exit());
        assertEquals(0, run("scan", dir.toString(), "--fail-above", "99").exit());
    }

    @Test
    void scansAGitRevision() throws Exception {
        try (GitFixture git = GitFixture.init(dir.resolve("repo"))) {
            RevCommit first = git.write("app.py", "password = 'supersecret99'\n").commit("first");
            git.write("app.py", "import os\npassword = os.environ['PASSWORD']\n").commit("second");
            Run old = run("scan", git.dir().toString(), "--rev", first.getName(), "--format", "json");
            assertEquals(0, old.exit(), old.err());
            assertTrue(old.out().contains("security.credential-assignment"), old.out());
            assertTrue(old.out().contains(first.getName()), old.out());
            Run head = run("scan", git.dir().toString(), "--rev", "HEAD", "--format", "json");
            assertTrue(!head.out().contains("security.credential-assignment"), head.out());
        }
    }

    @Test
    void garbageInGivesClearMessages() throws Exception {
        Path file = write("plain.txt", "x");
        Run notDir = run("scan", file.toString());
        assertEquals(2, notDir.exit());
        assertTrue(notDir.err().contains("is not a directory"), notDir.err());
        Run missing = run("scan", dir.resolve("nope").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        try (GitFixture empty = GitFixture.init(dir.resolve("empty"))) {
            Run run = run("scan", empty.dir().toString(), "--rev", "HEAD");
            assertEquals(2, run.exit());
            assertTrue(run.err().contains("the repository is empty"), run.err());
        }
    }

    @Test
    void badFilesAreSkippedAndTheRestOfTheScanCompletes() throws Exception {
        write("src/app.js", HACK);
        Files.write(dir.resolve("src/latin1.py"), "name = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] minified = new byte[50 * 1024 * 1024];
        Arrays.fill(minified, (byte) 'a');
        Files.write(dir.resolve("src/bundle.min.js"), minified);
        Files.createSymbolicLink(dir.resolve("src/loop"), dir.resolve("src"));
        Run run = run("scan", dir.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        String skipped = json.get("skipped").toString();
        assertTrue(skipped.contains("\"reason\":\"invalid-utf8\""), skipped);
        assertTrue(skipped.contains("\"reason\":\"too-large\""), skipped);
        assertTrue(run.err().contains("src/loop: symbolic link not followed"), run.err());
        assertTrue(json.get("findings").toString().contains("error-handling.empty-catch"));
    }

    @Test
    void invalidSettingsNameKeyAndLine() throws Exception {
        write("src/app.js", HACK);
        write(".debtwatch.yml", "exclude:\n  - vendor/\nthresholds:\n  nesting: 3\n");
        Run run = run("scan", dir.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("line 4") && run.err().contains("thresholds.nesting"), run.err());
    }

    @Test
    void settingsDisableIndicatorsAndExcludePaths() throws Exception {
        write("src/app.js", HACK);
        write("legacy/old.js", HACK);
        write(".debtwatch.yml", "exclude:\n  - legacy/\ndisable:\n  - observability.print\n");
        Run run = run("scan", dir.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        assertTrue(!run.out().contains("observability.print"), run.out());
        assertTrue(!run.out().contains("\"path\" : \"legacy/old.js\",\n    \"category\""), run.out());
        assertTrue(run.out().contains("\"reason\" : \"excluded\""), run.out());
    }

    @Test
    void sarifHasTheShapeOfSarif210() throws Exception {
        write("src/app.js", HACK);
        Run run = run("scan", dir.toString(), "--format", "sarif");
        assertEquals(0, run.exit(), run.err());
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode runNode = sarif.get("runs").get(0);
        JsonNode rules = runNode.get("tool").get("driver").get("rules");
        java.util.Set<String> ruleIds = new java.util.HashSet<>();
        rules.forEach(r -> ruleIds.add(r.get("id").asText()));
        JsonNode results = runNode.get("results");
        assertTrue(results.size() >= 5, results.toString());
        for (JsonNode r : results) {
            assertTrue(ruleIds.contains(r.get("ruleId").asText()), r.toString());
            assertTrue(java.util.Set.of("none", "note", "warning", "error").contains(r.get("level").asText()));
            assertTrue(!r.get("message").get("text").asText().isEmpty());
            if (r.has("locations")) {
                JsonNode region = r.get("locations").get(0).get("physicalLocation").get("region");
                assertTrue(region.get("startLine").asInt() >= 1);
                assertTrue(region.get("endLine").asInt() >= region.get("startLine").asInt());
            }
            assertEquals(32, r.get("partialFingerprints").get("debtwatch/v1").asText().length());
        }
        assertTrue(run.out().contains("\"uri\" : \"src/app.js\""), run.out());
    }

    @Test
    void debtCommentsCarryTheirAgeFromGitBlame() throws Exception {
        try (GitFixture git = GitFixture.init(dir.resolve("aged"))) {
            git.at(java.time.Instant.parse("2024-01-01T00:00:00Z"))
                    .write("app.py", "# TODO: handle retries\nx = 1\n").commit("first");
            git.at(java.time.Instant.parse("2024-03-01T00:00:00Z")).write("app.py", "# TODO: handle retries\nx = 2\n").commit("second");
            Run run = run("scan", git.dir().toString(), "--rev", "HEAD", "--format", "json");
            assertEquals(0, run.exit(), run.err());
            JsonNode ages = new ObjectMapper().readTree(run.out()).get("debtAges");
            assertEquals(1, ages.size(), run.out());
            assertEquals(60, ages.get(0).get("ageDays").asInt());
            assertEquals(1, ages.get(0).get("line").asInt());
        }
    }
}
