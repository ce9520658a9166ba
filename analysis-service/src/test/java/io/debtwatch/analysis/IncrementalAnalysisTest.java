package io.debtwatch.analysis;

import static io.debtwatch.analysis.Commits.ORG;
import static io.debtwatch.analysis.Commits.analyse;
import static io.debtwatch.analysis.Commits.discovered;
import static io.debtwatch.analysis.Commits.kafka;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.FindingSummary;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/** A commit costs work only for what it changed, and its totals equal a full walk of the same tree. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class IncrementalAnalysisTest {

    private static final String ORDERS = """
            package shop;
            // TODO: paginate
            class Orders {
                void save() {
                    try { write(); } catch (Exception e) { }
                }
            }
            """;
    private static final String LEGACY = """
            package shop;
            // FIXME: remove after the migration
            class Legacy {
            }
            """;

    @Test
    void aChildCommitIsTheParentPlusTheDeltaOfItsChangedFiles() throws Exception {
        String repoId = new ObjectId().toHexString();
        try (GitFixture repo = GitFixture.init(Files.createTempDirectory("delta"));
                TopicReader analyses = new TopicReader(kafka(), Topics.ANALYSES)) {
            RevCommit first = repo.write("README.md", "# shop\n").write("src/main/java/shop/Orders.java", ORDERS)
                    .write("src/main/java/shop/Legacy.java", LEGACY).write("app.py", "print('hello')\n")
                    .commit("import");
            CommitAnalyzed root = analyse(analyses, discovered(repoId, repo.fileUrl(), first, 1));
            assertEquals(root.newFindingsCount(), root.newFindings().size(), "against no parent, all is new");
            assertTrue(root.newFindings().stream().anyMatch(f -> f.indicatorId().equals("satd.todo")));

            double missesBefore = blobCacheMisses();
            RevCommit second = repo.write("app.py", "print('hello')\nprint('bye')\n").commit("say bye");
            CommitAnalyzed child = analyse(analyses, discovered(repoId, repo.fileUrl(), second, 2));
            assertEquals(1.0, blobCacheMisses() - missesBefore, "only the changed file was analysed");
            assertEquals(root.linesOfCode().get("python") + 1, child.linesOfCode().get("python"));
            assertEquals(root.linesOfCode().get("java"), child.linesOfCode().get("java"));

            RevCommit third = repo.delete("src/main/java/shop/Legacy.java").commit("drop the legacy class");
            CommitAnalyzed deleted = analyse(analyses, discovered(repoId, repo.fileUrl(), third, 3));
            assertEquals(1, deleted.fixedFindingsCount());
            FindingSummary fixed = deleted.fixedFindings().get(0);
            assertEquals("src/main/java/shop/Legacy.java", fixed.path());
            assertEquals(0, deleted.newFindingsCount());
            assertEquals(child.indicators().get("satd.todo").count() - 1, deleted.indicators().get("satd.todo").count());

            CommitAnalyzed full = fullWalkOfTheSameTree(analyses, repo);
            assertEquals(full.linesOfCode(), deleted.linesOfCode());
            assertEquals(full.testLinesOfCode(), deleted.testLinesOfCode());
            assertEquals(full.indicators(), deleted.indicators());
            assertEquals(full.categories(), deleted.categories());
            assertEquals(full.repositoryChecks(), deleted.repositoryChecks());
            assertEquals(full.filesAnalyzed(), deleted.filesAnalyzed());
            assertEquals(full.topFindings().stream().map(FindingSummary::fingerprint).toList(),
                    deleted.topFindings().stream().map(FindingSummary::fingerprint).toList());
        }
    }

    @Test
    void debtIsDatedByBlameOnTheFirstAnalysisThenCarriedWhileItStays() throws Exception {
        String repoId = new ObjectId().toHexString();
        Instant written = Instant.parse("2024-02-01T10:00:00Z");
        Instant later = Instant.parse("2026-06-01T10:00:00Z");
        Instant latest = Instant.parse("2026-11-01T10:00:00Z");
        try (GitFixture repo = GitFixture.init(Files.createTempDirectory("ages"));
                TopicReader analyses = new TopicReader(kafka(), Topics.ANALYSES)) {
            repo.at(written).write("src/main/java/shop/Orders.java", ORDERS).commit("import");
            RevCommit moved = repo.at(later).write("src/main/java/shop/Orders.java", "// orders\n" + ORDERS)
                    .commit("a header line moves the TODO down");
            CommitAnalyzed first = analyse(analyses, discovered(repoId, repo.fileUrl(), moved, 2));
            FindingSummary todo = first.topFindings().stream().filter(f -> f.indicatorId().equals("satd.todo"))
                    .findFirst().orElseThrow();
            assertEquals(3, todo.line());
            assertEquals(written, todo.debtSince(), "no snapshot before: git blame dates the comment");
            assertNull(first.topFindings().stream().filter(f -> !f.category().equals("satd")).findFirst()
                    .orElseThrow().debtSince(), "only debt is dated");

            RevCommit added = repo.at(latest).write("src/main/java/shop/Stock.java", "package shop;\n"
                    + "// HACK: stock is read twice\nclass Stock {\n}\n").commit("stock");
            CommitAnalyzed next = analyse(analyses, discovered(repoId, repo.fileUrl(), added, 3));
            FindingSummary hack = next.newFindings().stream().filter(f -> f.path().endsWith("Stock.java"))
                    .findFirst().orElseThrow();
            assertEquals(latest, hack.debtSince(), "written by this commit");
            assertEquals(written, next.topFindings().stream().filter(f -> f.fingerprint().equals(todo.fingerprint()))
                    .findFirst().orElseThrow().debtSince(), "an unaddressed TODO keeps its age");

            // a backfill arrives newest first: the tip's parent is walked and blamed, each older
            // commit's parent is derived backwards from it and keeps the blamed dates
            String backfilled = new ObjectId().toHexString();
            CommitAnalyzed tip = analyse(analyses, discovered(backfilled, repo.fileUrl(), added, 3));
            CommitAnalyzed older = analyse(analyses, discovered(backfilled, repo.fileUrl(), moved, 2));
            for (CommitAnalyzed analysis : List.of(tip, older)) {
                assertEquals(written, analysis.topFindings().stream()
                        .filter(f -> f.fingerprint().equals(todo.fingerprint())).findFirst().orElseThrow()
                        .debtSince());
            }
            assertEquals(latest, tip.topFindings().stream().filter(f -> f.path().endsWith("Stock.java"))
                    .findFirst().orElseThrow().debtSince());
        }
    }

    @Test
    void changedSettingsReanalyseTheTreeAndTheirEffectShowsAsFixedFindings() throws Exception {
        String repoId = new ObjectId().toHexString();
        try (GitFixture repo = GitFixture.init(Files.createTempDirectory("settings"));
                TopicReader analyses = new TopicReader(kafka(), Topics.ANALYSES)) {
            RevCommit first = repo.write("src/main/java/shop/Orders.java", ORDERS)
                    .write("src/main/java/shop/Legacy.java", LEGACY).commit("import");
            CommitAnalyzed before = analyse(analyses, discovered(repoId, repo.fileUrl(), first, 1));
            assertEquals(2, before.indicators().get("satd.todo").count());

            RevCommit tuned = repo.write(".debtwatch.yml", "disable:\n  - satd.todo\n").commit("tune debtwatch");
            CommitAnalyzed after = analyse(analyses, discovered(repoId, repo.fileUrl(), tuned, 2));
            assertEquals(null, after.indicators().get("satd.todo"));
            assertEquals(2, after.fixedFindings().stream().filter(f -> f.indicatorId().equals("satd.todo")).count());
            assertTrue(after.newFindings().stream().noneMatch(f -> f.indicatorId().startsWith("error-handling")),
                    "findings the settings leave alone are neither new nor fixed");
            assertEquals(true, after.repositoryChecks().get("settings-valid"));

            RevCommit broken = repo.write(".debtwatch.yml", "disable:\n  - no.such.indicator\n").commit("typo");
            CommitAnalyzed invalid = analyse(analyses, discovered(repoId, repo.fileUrl(), broken, 3));
            assertEquals(false, invalid.repositoryChecks().get("settings-valid"));
            assertEquals(2, invalid.indicators().get("satd.todo").count(), "invalid settings fall back to defaults");
        }
    }

    @Test
    void theSnapshotsFindingsCanBeDrilledIntoPageByPageForItsOrgOnly() throws Exception {
        String repoId = new ObjectId().toHexString();
        try (GitFixture repo = GitFixture.init(Files.createTempDirectory("drill"));
                TopicReader analyses = new TopicReader(kafka(), Topics.ANALYSES)) {
            RevCommit commit = repo.write("src/main/java/shop/Orders.java", ORDERS)
                    .write("src/main/java/shop/Legacy.java", LEGACY)
                    .write("src/test/java/shop/OrdersTest.java", "class OrdersTest { // TODO more\n}\n")
                    .commit("import");
            CommitAnalyzed analysis = analyse(analyses, discovered(repoId, repo.fileUrl(), commit, 1));
            String path = "/api/v1/orgs/{org}/repositories/{repoId}/commits/{sha}/findings";

            JsonPath all = given().queryParam("size", 200).get(path, ORG, repoId, commit.name()).then().statusCode(200)
                    .extract().jsonPath();
            long production = analysis.indicators().values().stream().mapToLong(t -> t.count()).sum();
            List<Boolean> testCode = all.getList("items.testCode", Boolean.class);
            assertEquals(production, testCode.stream().filter(t -> !t).count(), "the same findings as the totals");
            assertTrue(testCode.contains(true), "test-code findings are there to drill into as well");
            assertEquals(testCode.size(), all.getInt("total"));

            given().queryParam("size", 1).queryParam("page", 1).get(path, ORG, repoId, commit.name()).then()
                    .statusCode(200).body("items.size()", equalTo(1)).body("page", equalTo(1))
                    .body("total", equalTo(all.getInt("total")));
            given().queryParam("category", "error-handling").get(path, ORG, repoId, commit.name()).then()
                    .statusCode(200).body("total", equalTo(1)).body("items[0].indicatorId",
                            equalTo("error-handling.empty-catch"));
            given().get(path, "globex", repoId, commit.name()).then().statusCode(404)
                    .contentType("application/problem+json");
            given().get(path, ORG, repoId, "not-a-sha").then().statusCode(400).body("errors[0].field", equalTo("sha"));
            given().queryParam("size", 0).get(path, ORG, repoId, commit.name()).then().statusCode(400)
                    .body("errors[0].field", equalTo("size"));
        }
    }

    private static CommitAnalyzed fullWalkOfTheSameTree(TopicReader analyses, GitFixture repo) throws Exception {
        String otherRepo = new ObjectId().toHexString();
        try (GitFixture copy = GitFixture.init(Files.createTempDirectory("full"))) {
            for (String file : List.of("README.md", "src/main/java/shop/Orders.java", "app.py")) {
                copy.write(file, Files.readString(repo.dir().resolve(file)));
            }
            RevCommit only = copy.commit("the same tree in one commit");
            return analyse(analyses, discovered(otherRepo, copy.fileUrl(), only, 1));
        }
    }

    private static double blobCacheMisses() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("debtwatch_analysis_blob_cache_total\\{[^}]*result=\"miss\"[^}]*\\} ([0-9.E+]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
