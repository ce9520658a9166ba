package io.debtwatch.ingest.rest;

import static io.debtwatch.ingest.IngestTestSupport.commits;
import static io.debtwatch.ingest.IngestTestSupport.register;
import static io.debtwatch.ingest.IngestTestSupport.registered;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.debtwatch.events.ChangedFile;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registering a repository: the API's answers and the commits that reach {@code debtwatch.commits}. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class RegistrationTest {

    @TempDir
    Path dir;

    @Test
    void registeringEmitsHeadAndItsFirstParentHistory() {
        RevCommit first;
        RevCommit third;
        try (GitFixture git = GitFixture.init(dir.resolve("shop"))) {
            first = git.write("src/App.java", "class App {}").commit("first");
            git.write("src/App.java", "class App { int x; }").write("README.md", "shop").commit("second");
            third = git.delete("README.md").commit("third");
        }
        String url = dir.resolve("shop").toString();
        String location = register("acme", Map.of("url", url, "team", "payments"))
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/orgs/acme/repositories/[0-9a-f]{24}$"))
                .body("id", matchesPattern("[0-9a-f]{24}"))
                .body("org", equalTo("acme")).body("team", equalTo("payments")).body("name", equalTo("shop"))
                .body("url", equalTo(url)).body("defaultBranch", equalTo("main"))
                .body("backfill.policy", equalTo("last")).body("backfill.count", equalTo(50))
                .body("createdAt", notNullValue()).body("sync.status", notNullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        List<CommitDiscovered> events = commits(id, 3);
        assertThat(events, hasSize(3));
        CommitDiscovered head = events.stream().filter(e -> e.sha().equals(third.name())).findFirst().orElseThrow();
        assertThat(head.eventId(), equalTo(EventIds.commit(id, third.name())));
        assertThat(head.depth(), equalTo(3L));
        assertThat(head.backfill(), is(true));
        assertThat(head.org(), equalTo("acme"));
        assertThat(head.team(), equalTo("payments"));
        assertThat(head.repoUrl(), equalTo(url));
        assertThat(head.branch(), equalTo("main"));
        assertThat(head.message(), equalTo("third"));
        assertThat(head.authorName(), equalTo("Ada Lovelace"));
        assertThat(head.changedFiles(), contains(new ChangedFile("README.md", "README.md",
                ChangedFile.ChangeType.DELETE, null)));
        CommitDiscovered root = events.stream().filter(e -> e.sha().equals(first.name())).findFirst().orElseThrow();
        assertThat(root.depth(), equalTo(1L));
        assertThat(root.parents(), empty());
        assertThat(root.changedFiles().stream().map(ChangedFile::changeType).toList(), contains(ChangedFile.ChangeType.ADD));

        given().when().get(location).then().statusCode(200)
                .body("sync.backfill.planned", equalTo(3)).body("sync.backfill.emitted", equalTo(3))
                .body("sync.backfill.percent", equalTo(100)).body("sync.lastCommit", equalTo(third.name()))
                .body("sync.status", equalTo("ok"));
    }

    @Test
    void eventsCarryCloudEventsHeadersAndTheRepositoryKey() {
        try (GitFixture git = GitFixture.init(dir.resolve("headers"))) {
            git.write("a.txt", "a").commit("only");
        }
        String id = registered("acme", Map.of("url", dir.resolve("headers").toUri().toString(), "team", "core"));
        try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.COMMITS)) {
            List<ConsumerRecord<String, String>> records = reader.await(1, r -> id.equals(r.key()),
                    Duration.ofSeconds(20));
            assertThat(records, hasSize(1));
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(header(record, "ce_type"), equalTo("io.debtwatch.commit.discovered.v1"));
            assertThat(header(record, "ce_id"), startsWith(id + ":"));
            assertThat(header(record, "ce_source"), equalTo("/debtwatch/ingest"));
            assertThat(header(record, "ce_subject"), startsWith("acme/" + id + "/"));
        }
        try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.REPOSITORIES)) {
            List<ConsumerRecord<String, String>> records = reader.await(1, r -> id.equals(r.key()),
                    Duration.ofSeconds(20));
            assertThat(records, hasSize(1));
            assertThat(header(records.get(0), "ce_type"), equalTo("io.debtwatch.repository.registered.v1"));
            assertThat(records.get(0).value(), containsString("\"eventId\":\"" + id + ":registered\""));
        }
    }

    @Test
    void sameUrlTwiceInOneOrgIsAConflictPointingAtTheFirst() {
        try (GitFixture git = GitFixture.init(dir.resolve("dup"))) {
            git.write("a.txt", "a").commit("only");
        }
        String url = dir.resolve("dup").toString();
        String id = registered("dup-org", Map.of("url", url, "team", "t"));
        register("dup-org", Map.of("url", url + "/", "team", "other"))
                .statusCode(409).contentType("application/problem+json")
                .body("existingId", equalTo(id))
                .body("existing", equalTo("/api/v1/orgs/dup-org/repositories/" + id));
        registered("other-org", Map.of("url", url, "team", "t"));
    }

    @Test
    void invalidRegistrationsNameTheField() {
        register("acme", Map.of("team", "t")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
        register("acme", Map.of("url", "ftp://example.com/x.git", "team", "t")).statusCode(400)
                .body("errors.field", hasItem("url")).body("detail", containsString("unsupported scheme"));
        register("acme", Map.of("url", "not a url", "team", "t")).statusCode(400).body("errors.field", hasItem("url"));
        register("acme", Map.of("url", dir.resolve("missing").toString(), "team", "t")).statusCode(400)
                .body("errors.field", hasItem("url"));
        try (GitFixture git = GitFixture.init(dir.resolve("valid"))) {
            git.write("a.txt", "a").commit("only");
        }
        String url = dir.resolve("valid").toString();
        register("acme", Map.of("url", url)).statusCode(400).body("errors.field", hasItem("team"));
        register("acme", Map.of("url", url, "team", "t", "pollIntervalSeconds", 0)).statusCode(400)
                .body("errors.field", hasItem("pollIntervalSeconds"));
        register("acme", Map.of("url", url, "team", "t", "defaultBranch", "nope")).statusCode(400)
                .body("errors.field", hasItem("defaultBranch")).body("detail", containsString("nope"));
        register("acme", Map.of("url", url, "team", "t", "backfill", Map.of("policy", "weekly"))).statusCode(400)
                .body("errors.field", hasItem("backfill.policy"));
        register("acme", Map.of("url", url, "team", "t", "colour", "red")).statusCode(400)
                .body("errors.field", hasItem("colour"));
        given().contentType(ContentType.JSON).body("{\"url\": ".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/orgs/acme/repositories").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void listFiltersByTeamAndPagesAndGetIsScopedToTheOrg() {
        for (String name : List.of("l1", "l2", "l3")) {
            try (GitFixture git = GitFixture.init(dir.resolve(name))) {
                git.write("a.txt", name).commit("only");
            }
        }
        String a = registered("lister", Map.of("url", dir.resolve("l1").toString(), "team", "red",
                "backfill", Map.of("policy", "none")));
        registered("lister", Map.of("url", dir.resolve("l2").toString(), "team", "blue",
                "backfill", Map.of("policy", "none")));
        registered("lister", Map.of("url", dir.resolve("l3").toString(), "team", "red",
                "backfill", Map.of("policy", "none")));
        given().queryParam("team", "red").get("/api/v1/orgs/lister/repositories").then().statusCode(200)
                .body("total", equalTo(2)).body("items.size()", equalTo(2)).body("items.team", hasItem("red"));
        given().queryParam("size", 2).queryParam("page", 1).get("/api/v1/orgs/lister/repositories").then()
                .statusCode(200).body("total", equalTo(3)).body("items.size()", equalTo(1));
        given().queryParam("size", 0).get("/api/v1/orgs/lister/repositories").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        given().get("/api/v1/orgs/lister/repositories/" + a).then().statusCode(200).body("id", equalTo(a));
        given().get("/api/v1/orgs/someone-else/repositories/" + a).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/orgs/lister/repositories/not-an-id").then().statusCode(404);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
