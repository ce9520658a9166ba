package io.debtwatch.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.events.ChangedFile;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class RepositoryResourceTest {

    private static final String BASE = "/api/v1/orgs/{org}/repositories";

    private static GitFixture newRepo(String name) throws Exception {
        Path dir = Files.createTempDirectory("ingest-" + name);
        GitFixture repo = GitFixture.init(dir);
        repo.write("README.md", "# " + name + "\n").commit("first");
        return repo;
    }

    private static String register(String org, String body) {
        return given().contentType(ContentType.JSON).body(body).post(BASE, org).then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void registeringAnnouncesTheHistoryOnTheCommitsTopic() throws Exception {
        try (GitFixture repo = newRepo("billing");
                TopicReader commits = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.COMMITS)) {
            repo.write("src/Billing.java", "class Billing {}\n");
            RevCommit head = repo.commit("add billing");

            String id = given().contentType(ContentType.JSON)
                    .body("{\"url\": \"" + repo.dir() + "\", \"team\": \"payments\"}")
                    .post(BASE, "acme").then().statusCode(201)
                    .header("Location", matchesPattern("^/api/v1/orgs/acme/repositories/[0-9a-f]{24}$"))
                    .body("team", equalTo("payments")).body("defaultBranch", equalTo("main"))
                    .body("backfill.policy", equalTo("last"))
                    .extract().path("id");
            assertTrue(id.matches("[0-9a-f]{24}"), id);

            List<ConsumerRecord<String, String>> seen = commits.await(2, r -> id.equals(r.key()), Duration.ofSeconds(30));
            assertEquals(2, seen.size(), "both commits announced");
            CommitDiscovered tip = EventJson.read(seen.get(1).value(), CommitDiscovered.class);
            assertEquals(head.name(), tip.sha());
            assertEquals(id + ":" + head.name(), tip.eventId());
            assertEquals(2, tip.depth());
            assertEquals("acme", tip.org());
            assertEquals(List.of(new ChangedFile("src/Billing.java", null, ChangedFile.ChangeType.ADD,
                    head.getTree().name().isEmpty() ? null : tip.changedFiles().get(0).blobId())), tip.changedFiles());
            assertFalse(tip.backfill(), "the tip is not backfill");
            assertTrue(EventJson.read(seen.get(0).value(), CommitDiscovered.class).backfill());
            assertEquals("io.debtwatch.commit.discovered.v1",
                    new String(seen.get(1).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get(BASE + "/{id}", "acme", id)
                    .then().statusCode(200).body("sync.status", equalTo("ok"))
                    .body("sync.backfill.percent", equalTo(100.0f)));

            repo.write("src/Billing.java", "class Billing { int rate; }\n");
            RevCommit next = repo.commit("rate");
            given().post(BASE + "/{id}/sync", "acme", id).then().statusCode(202);
            List<ConsumerRecord<String, String>> more = commits.await(1, r -> r.value().contains(next.name()),
                    Duration.ofSeconds(30));
            CommitDiscovered pushed = EventJson.read(more.get(0).value(), CommitDiscovered.class);
            assertEquals(3, pushed.depth());
            assertEquals(ChangedFile.ChangeType.MODIFY, pushed.changedFiles().get(0).changeType());
        }
    }

    @Test
    void registeringTheSameUrlTwiceIsAConflictPointingAtTheFirst() throws Exception {
        try (GitFixture repo = newRepo("dup")) {
            String id = register("acme", "{\"url\": \"" + repo.dir() + "\"}");
            given().contentType(ContentType.JSON).body("{\"url\": \"" + repo.dir() + "\"}").post(BASE, "acme")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("existing", equalTo("/api/v1/orgs/acme/repositories/" + id));
            register("other-org", "{\"url\": \"" + repo.dir() + "\"}");
        }
    }

    @Test
    void badRequestsAreProblemsNamingTheField() throws Exception {
        try (GitFixture repo = newRepo("bad")) {
            String dir = repo.dir().toString();
            expectInvalid("{\"team\": \"x\"}", "url");
            expectInvalid("{\"url\": \"ftp://example.com/x.git\"}", "url");
            expectInvalid("{\"url\": \"https://\"}", "url");
            expectInvalid("{\"url\": \"" + dir + "\", \"defaultBranch\": \"nope\"}", "defaultBranch");
            expectInvalid("{\"url\": \"" + dir + "\", \"pollIntervalSeconds\": 5}", "pollIntervalSeconds");
            expectInvalid("{\"url\": \"" + dir + "\", \"backfill\": {\"policy\": \"most\"}}", "backfill.policy");
            expectInvalid("{\"url\": \"" + dir + "\", \"pollIntervalSeconds\": \"often\"}", "pollIntervalSeconds");
            expectInvalid("{\"url\": \"" + dir + "\", \"colour\": \"red\"}", "colour");
            expectInvalid("{\"url\": ", "body");
        }
    }

    @Test
    void anotherOrgsRepositoryIsNotFoundAndIdsMustBeIds() throws Exception {
        try (GitFixture repo = newRepo("private")) {
            String id = register("acme", "{\"url\": \"" + repo.dir() + "\"}");
            given().get(BASE + "/{id}", "globex", id).then().statusCode(404).contentType("application/problem+json");
            given().get(BASE + "/{id}", "acme", "not-an-id").then().statusCode(400)
                    .body("errors.field", hasItem("repoId"));
            given().queryParam("team", "nobody").get(BASE, "acme").then().statusCode(200).body("total", equalTo(0));
            given().get(BASE, "acme").then().statusCode(200).body("items.id", hasItem(id))
                    .body("items[0].url", matchesPattern("/.*"));
        }
    }

    private static void expectInvalid(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post(BASE, "acme").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
