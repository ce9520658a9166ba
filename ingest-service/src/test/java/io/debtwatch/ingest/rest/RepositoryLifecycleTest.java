package io.debtwatch.ingest.rest;

import static io.debtwatch.ingest.IngestTestSupport.awaitRepository;
import static io.debtwatch.ingest.IngestTestSupport.commits;
import static io.debtwatch.ingest.IngestTestSupport.location;
import static io.debtwatch.ingest.IngestTestSupport.registered;
import static io.debtwatch.ingest.IngestTestSupport.syncNow;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.RepositoryDeleted;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patch, delete, sync now and polling: the repository's life after registration. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class RepositoryLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void patchChangesOnlyTheFieldsSentAndValidatesThem() {
        try (GitFixture git = GitFixture.init(dir.resolve("p"))) {
            git.write("a.txt", "a").commit("one");
            git.branch("release").write("b.txt", "b").commit("two");
            git.checkout("main");
        }
        String id = registered("patcher", Map.of("url", dir.resolve("p").toString(), "team", "red",
                "backfill", Map.of("policy", "none")));
        given().contentType(ContentType.JSON).body(Map.of("team", "blue", "pollIntervalSeconds", 60))
                .patch(location("patcher", id)).then().statusCode(200)
                .body("team", equalTo("blue")).body("pollIntervalSeconds", equalTo(60))
                .body("name", equalTo("p")).body("defaultBranch", equalTo("main"));
        given().contentType(ContentType.JSON).body(Map.of("pollIntervalSeconds", -5))
                .patch(location("patcher", id)).then().statusCode(400)
                .body("errors.field", hasItem("pollIntervalSeconds"));
        given().contentType(ContentType.JSON).body(Map.of("defaultBranch", "gone"))
                .patch(location("patcher", id)).then().statusCode(400).body("errors.field", hasItem("defaultBranch"));
        given().contentType(ContentType.JSON).body(Map.of("defaultBranch", "release"))
                .patch(location("patcher", id)).then().statusCode(200).body("defaultBranch", equalTo("release"));
        given().contentType(ContentType.JSON).body(Map.of("team", "x")).patch(location("other", id)).then()
                .statusCode(404);
    }

    @Test
    void eachRepositoryIsPolledAtItsOwnIntervalWithJitter() throws Exception {
        int interval = 3600;
        List<Double> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path repo = dir.resolve("jitter-" + i);
            try (GitFixture git = GitFixture.init(repo)) {
                git.write("a.txt", "a").commit("one");
            }
            String id = registered("jitter", Map.of("url", repo.toString(), "team", "t",
                    "pollIntervalSeconds", interval, "backfill", Map.of("policy", "none")));
            io.restassured.path.json.JsonPath synced = awaitRepository("jitter", id,
                    r -> "ok".equals(r.getString("sync.status")));
            waits.add(Duration.between(java.time.Instant.parse(synced.getString("sync.lastSuccessAt")),
                    java.time.Instant.parse(synced.getString("sync.nextAttemptAt"))).toMillis() / 1000.0);
        }
        // the next poll is the interval plus up to 10 % (debtwatch.ingest.polling.jitter), different per repository
        waits.forEach(w -> assertThat(w >= interval && w <= interval * 1.1, is(true)));
        assertThat(waits.stream().distinct().count() > 1, is(true));
    }

    @Test
    void deleteStopsWatchingAndAnnouncesIt() {
        try (GitFixture git = GitFixture.init(dir.resolve("d"))) {
            git.write("a.txt", "a").commit("one");
        }
        String keep = registered("deleter", Map.of("url", dir.resolve("d").toString(), "team", "t",
                "backfill", Map.of("policy", "none")));
        given().delete(location("deleter", keep)).then().statusCode(204);
        given().get(location("deleter", keep)).then().statusCode(404);
        given().delete(location("deleter", keep)).then().statusCode(404);
        String purged = registered("deleter", Map.of("url", dir.resolve("d").toString(), "team", "t",
                "backfill", Map.of("policy", "none")));
        given().queryParam("purge", true).delete(location("deleter", purged)).then().statusCode(204);

        try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.REPOSITORIES)) {
            List<ConsumerRecord<String, String>> records = reader.await(2,
                    r -> (r.key().equals(keep) || r.key().equals(purged)) && r.value().contains(":deleted"),
                    Duration.ofSeconds(20));
            assertThat(records, hasSize(2));
            for (ConsumerRecord<String, String> record : records) {
                RepositoryDeleted event = EventJson.read(record.value(), RepositoryDeleted.class);
                assertThat(event.org(), equalTo("deleter"));
                assertThat(event.purge(), is(event.repoId().equals(purged)));
            }
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> !Files.exists(Path.of("target/ingest-data/mirrors/" + keep + ".git")));
    }

    @Test
    void syncNowEmitsANewCommitAtOnce() {
        RevCommit second;
        GitFixture git = GitFixture.init(dir.resolve("s"));
        git.write("a.txt", "a").commit("one");
        String id = registered("syncer", Map.of("url", dir.resolve("s").toString(), "team", "t",
                "pollIntervalSeconds", 86400));
        awaitRepository("syncer", id, r -> "ok".equals(r.getString("sync.status")));
        second = git.write("a.txt", "b").commit("two");
        git.close();
        syncNow("syncer", id);
        CommitDiscovered event = commits(id, 2).stream().filter(e -> e.sha().equals(second.name())).findFirst()
                .orElseThrow();
        assertThat(event.backfill(), is(false));
        assertThat(event.depth(), equalTo(2L));
        assertThat(event.parents(), hasSize(1));
        awaitRepository("syncer", id, r -> second.name().equals(r.getString("sync.lastCommit")));
        given().post(location("syncer", "0123456789abcdef01234567") + "/sync").then().statusCode(404);
    }

    @Test
    void pollingFindsANewCommitWithoutBeingAsked() {
        GitFixture git = GitFixture.init(dir.resolve("poll"));
        git.write("a.txt", "a").commit("one");
        String id = registered("poller", Map.of("url", dir.resolve("poll").toString(), "team", "t",
                "pollIntervalSeconds", 1, "backfill", Map.of("policy", "none")));
        awaitRepository("poller", id, r -> "ok".equals(r.getString("sync.status")));
        RevCommit pushed = git.write("a.txt", "polled").commit("two");
        git.close();
        List<CommitDiscovered> events = commits(id, 1);
        assertThat(events, hasSize(1));
        assertThat(events.get(0).sha(), equalTo(pushed.name()));
        given().get(location("poller", id)).then().body("sync.nextAttemptAt", containsString("T"));
    }
}
