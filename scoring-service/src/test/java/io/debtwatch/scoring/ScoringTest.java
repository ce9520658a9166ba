package io.debtwatch.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.debtwatch.events.CategoryTotal;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.FindingSummary;
import io.debtwatch.events.IndicatorTotal;
import io.debtwatch.events.ScoreChanged;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class ScoringTest {

    private static String kafka() {
        return KafkaTestResource.broker().bootstrapServers();
    }

    static String sha(int n) {
        return String.format("%040x", n);
    }

    static CommitAnalyzed analysis(String repoId, int n, long depth, int todos, List<FindingSummary> fresh) {
        return new CommitAnalyzed(EventIds.analysis(repoId, sha(n), "1.0.0"), repoId, "acme", "payments", "main",
                sha(n), n > 1 ? List.of(sha(n - 1)) : List.of(), Instant.parse("2026-03-01T10:00:00Z").plusSeconds(n),
                depth, false, "1.0.0", Instant.now(), Map.of("java", 2000), 500,
                Map.of("satd.tagged", new IndicatorTotal("satd", todos, todos * 30L)),
                Map.of("satd", new CategoryTotal(todos, todos * 30L)), Map.of("readme", true), fresh, fresh.size(),
                List.of(), 0, fresh, 10, 0);
    }

    static List<ConsumerRecord<String, String>> scoreEvents(TopicReader reader, String repoId, int count) {
        return reader.await(count, r -> repoId.equals(r.key()), Duration.ofSeconds(30));
    }

    @Test
    void theNewestCommitInGraphOrderIsCurrentAndALateOlderOneChangesNothing() {
        String repoId = new ObjectId().toHexString();
        String path = "/api/v1/orgs/acme/repositories/" + repoId;
        FindingSummary todo = new FindingSummary("fp-1", "satd.tagged", "satd", "minor", "api/Orders.java", 3,
                "TODO comment", 30);
        try (TopicReader events = new TopicReader(kafka(), Topics.SCORE_EVENTS)) {
            TopicReader.send(kafka(), Topics.ANALYSES, repoId, EventJson.write(analysis(repoId, 1, 1, 2, List.of())));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get(path + "/score").then().statusCode(200).body("sha", equalTo(sha(1))));
            TopicReader.send(kafka(), Topics.ANALYSES, repoId,
                    EventJson.write(analysis(repoId, 3, 3, 6, List.of(todo, todo))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get(path + "/score").then().statusCode(200).body("sha", equalTo(sha(3))));
            TopicReader.send(kafka(), Topics.ANALYSES, repoId, EventJson.write(analysis(repoId, 2, 2, 4, List.of())));
            TopicReader.send(kafka(), Topics.ANALYSES, repoId,
                    EventJson.write(analysis(repoId, 3, 3, 6, List.of(todo, todo))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get(path + "/commits/" + sha(2)).then().statusCode(200));

            given().get(path + "/score").then().statusCode(200).body("sha", equalTo(sha(3)))
                    .body("grade", equalTo("C")).body("index", equalTo(42.9f)).body("linesOfCode", equalTo(2000))
                    .body("contributions.indicatorId", hasItem("satd.tagged"))
                    .body("explanation", containsString("2 new TODO comment in Orders.java"));

            List<ConsumerRecord<String, String>> seen = scoreEvents(events, repoId, 3);
            assertEquals(2, seen.size(), "one ScoreChanged per new current score, none for the late or repeated one");
            ScoreChanged first = EventJson.read(seen.get(0).value(), ScoreChanged.class);
            ScoreChanged second = EventJson.read(seen.get(1).value(), ScoreChanged.class);
            assertEquals(repoId + ":" + sha(1) + ":1.0.0:score-changed", first.eventId());
            assertNull(first.previousIndex());
            assertEquals(first.index(), second.previousIndex());
            assertEquals(sha(3), second.sha());
        }
    }

    @Test
    void scoresAreOrgScopedAndIdsAreChecked() {
        String repoId = new ObjectId().toHexString();
        TopicReader.send(kafka(), Topics.ANALYSES, repoId, EventJson.write(analysis(repoId, 1, 1, 1, List.of())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/orgs/acme/repositories/" + repoId + "/score").then().statusCode(200));
        given().get("/api/v1/orgs/globex/repositories/" + repoId + "/score").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/orgs/acme/repositories/xyz/score").then().statusCode(400)
                .body("errors.field", hasItem("repoId"));
    }

    @Test
    void aPoisonAnalysisGoesToTheDeadLetterTopicAndTheNextIsScored() {
        String repoId = new ObjectId().toHexString();
        try (TopicReader dead = new TopicReader(kafka(), Topics.deadLetter(Topics.ANALYSES))) {
            TopicReader.send(kafka(), Topics.ANALYSES, repoId, "not an analysis");
            TopicReader.send(kafka(), Topics.ANALYSES, repoId, EventJson.write(analysis(repoId, 1, 1, 0, List.of())));
            assertEquals(1, dead.await(1, r -> repoId.equals(r.key()), Duration.ofSeconds(30)).size());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/api/v1/orgs/acme/repositories/" + repoId + "/score").then().statusCode(200)
                            .body("grade", equalTo("A")));
        }
    }
}
