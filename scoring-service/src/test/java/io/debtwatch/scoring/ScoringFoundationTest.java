package io.debtwatch.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.debtwatch.analyzer.score.Score;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.scoring.service.ScoreCalculator;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The foundation path: CommitAnalyzed on the real broker becomes a stored score, a REST answer and a ScoreChanged. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class ScoringFoundationTest {

    @Inject
    MongoClient mongo;

    static final String SCORE = "/api/v1/orgs/{org}/repositories/{repoId}/score";
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void analysisBecomesScoreOverHttpAndScoreChangedOnTheTopic() throws Exception {
        String repoId = Analyses.repoId();
        given().get(SCORE, "acme", repoId).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        CommitAnalyzed analysis = Analyses.analysis("acme", "payments", repoId, 3, T0, 2000, 4,
                List.of(Analyses.todo("api/Orders.java", 3), Analyses.todo("api/Users.java", 9)), java.util.Map.of());
        Score expected = ScoreCalculator.score(analysis);
        try (TopicReader events = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.SCORE_EVENTS)) {
            Analyses.send(analysis);
            awaitScore("acme", repoId, analysis.sha());
            given().get(SCORE, "acme", repoId).then().statusCode(200)
                    .body("repoId", equalTo(repoId)).body("org", equalTo("acme")).body("team", equalTo("payments"))
                    .body("sha", equalTo(analysis.sha())).body("analyzerVersion", equalTo("1.0.0"))
                    .body("committedAt", equalTo("2026-03-02T10:00:00Z"))
                    .body("index", equalTo((float) expected.index())).body("grade", equalTo(expected.grade()))
                    .body("linesOfCode", equalTo(2000)).body("debtMinutes", equalTo((int) expected.debtMinutes()))
                    .body("explanation", startsWith("first score"))
                    .body("topFindings[0].path", equalTo("api/Orders.java"));
            List<ConsumerRecord<String, String>> changed = events.await(1, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(20));
            assertEquals(1, changed.size());
            JsonNode event = EventJson.mapper().readTree(changed.get(0).value());
            assertEquals(repoId + ":" + analysis.sha() + ":1.0.0:score-changed", event.get("eventId").asText());
            assertEquals(expected.index(), event.get("index").asDouble());
            assertTrue(event.get("previousIndex").isNull());
            assertEquals("io.debtwatch.score.changed.v1",
                    new String(changed.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
        }
        given().get(SCORE, "other-org", repoId).then().statusCode(404);
    }

    @Test
    void lateOlderCommitAndRedeliveryChangeNothing() {
        String repoId = Analyses.repoId();
        CommitAnalyzed newer = Analyses.simple("acme", "payments", repoId, 5, T0.plusSeconds(3600), 1000, 0);
        CommitAnalyzed older = Analyses.simple("acme", "payments", repoId, 4, T0, 1000, 30);
        try (TopicReader events = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.SCORE_EVENTS)) {
            Analyses.send(newer);
            awaitScore("acme", repoId, newer.sha());
            Analyses.send(older);
            Analyses.send(newer);
            await().atMost(Duration.ofSeconds(20)).until(() -> given().get(
                    "/api/v1/orgs/{org}/repositories/{repoId}/commits/{sha}", "acme", repoId, older.sha())
                    .statusCode() == 200);
            given().get(SCORE, "acme", repoId).then().statusCode(200).body("sha", equalTo(newer.sha()));
            List<ConsumerRecord<String, String>> changed = events.await(2, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(5));
            assertEquals(1, changed.size(), "one ScoreChanged: the older commit and the duplicate add none");
        }
    }

    @Test
    void aScoreStoredBeforeACrashIsFinishedOnRedeliveryAndAFinishedOneIsLeftAlone() {
        MongoDatabase db = mongo.getDatabase("debtwatch_scoring");
        String repoId = Analyses.repoId();
        CommitAnalyzed analysis = Analyses.simple("acme", "payments", repoId, 1, T0, 1000, 3);
        String id = repoId + ":" + analysis.sha() + ":1.0.0";
        Analyses.send(analysis);
        awaitScore("acme", repoId, analysis.sha());
        assertEquals(1, db.getCollection("score_completions").countDocuments(Filters.eq("_id", id)));

        // a crash after the score was stored and before its current score and completion mark were
        db.getCollection("score_completions").deleteOne(Filters.eq("_id", id));
        db.getCollection("current_scores").deleteMany(Filters.eq("repoId", repoId));
        given().get(SCORE, "acme", repoId).then().statusCode(404);
        Analyses.send(analysis);
        awaitScore("acme", repoId, analysis.sha());
        assertEquals(1, db.getCollection("score_completions").countDocuments(Filters.eq("_id", id)));

        // a score finished by the version that kept the flag in the score document is a duplicate
        db.getCollection("score_completions").deleteOne(Filters.eq("_id", id));
        db.getCollection("scores").updateOne(Filters.eq("_id", id), Updates.set("complete", true));
        db.getCollection("current_scores").deleteMany(Filters.eq("repoId", repoId));
        CommitAnalyzed next = Analyses.simple("acme", "payments", repoId, 2, T0.plusSeconds(3600), 1000, 3);
        Analyses.send(analysis);
        Analyses.send(next);
        awaitScore("acme", repoId, next.sha());
        assertEquals(0, db.getCollection("score_completions").countDocuments(Filters.eq("_id", id)),
                "the redelivered analysis (handled before the next, same partition) was not scored again");
    }

    @Test
    void aScoresFindingsAreStoredAsOneJsonFieldAndScoresStoredWithNestedListsReadTheSame() {
        MongoDatabase db = mongo.getDatabase("debtwatch_scoring");
        String repoId = Analyses.repoId();
        CommitAnalyzed analysis = Analyses.analysis("acme", "payments", repoId, 1, T0, 1000, 2,
                List.of(Analyses.todo("src/A.java", 3), Analyses.todo("src/B.java", 7)), java.util.Map.of());
        String id = repoId + ":" + analysis.sha() + ":1.0.0";
        Analyses.send(analysis);
        awaitScore("acme", repoId, analysis.sha());
        String commit = "/api/v1/orgs/{org}/repositories/{repoId}/commits/{sha}";
        String asStored = given().get(commit, "acme", repoId, analysis.sha()).then().statusCode(200)
                .body("topFindings.path", equalTo(List.of("src/A.java", "src/B.java")))
                .body("topFindings[1].line", equalTo(7)).extract().asString();

        org.bson.Document stored = db.getCollection("scores").find(Filters.eq("_id", id)).first();
        String findings = stored.getString("findingsJson");
        assertTrue(findings.contains("src/B.java"), findings);
        assertTrue(!stored.containsKey("topFindings") && !stored.containsKey("newFindings"), stored.toJson());

        // a score stored by the version that kept the lists as nested documents
        org.bson.Document lists = org.bson.Document.parse(findings);
        db.getCollection("scores").updateOne(Filters.eq("_id", id), Updates.combine(Updates.unset("findingsJson"),
                Updates.set("topFindings", lists.get("topFindings")), Updates.set("newFindings", lists.get("newFindings")),
                Updates.set("fixedFindings", lists.get("fixedFindings"))));
        assertTrue(!db.getCollection("scores").find(Filters.eq("_id", id)).first().containsKey("findingsJson"));
        given().get(commit, "acme", repoId, analysis.sha()).then().statusCode(200).body(equalTo(asStored));
    }

    @Test
    void garbageLandsOnTheDeadLetterTopicAndTheNextMessageIsScored() {
        String repoId = Analyses.repoId();
        try (TopicReader dlq = new TopicReader(KafkaTestResource.broker().bootstrapServers(),
                Topics.deadLetter(Topics.ANALYSES))) {
            TopicReader.send(KafkaTestResource.broker().bootstrapServers(), Topics.ANALYSES, repoId, "{not json");
            CommitAnalyzed good = Analyses.simple("acme", null, repoId, 1, T0, 500, 1);
            Analyses.send(good);
            awaitScore("acme", repoId, good.sha());
            List<ConsumerRecord<String, String>> dead = dlq.await(1, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(20));
            assertEquals(1, dead.size());
            assertEquals("{not json", dead.get(0).value());
            assertTrue(dead.get(0).headers().lastHeader("dead-letter-reason") != null);
        }
    }

    @Test
    void healthCoversKafkaAndMongoAndMetricsAndOpenApiAreServed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertTrue(health.contains("Kafka"), health);
        assertTrue(health.contains("MongoDB"), health);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("jvm_"));
        given().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/api/v1/orgs/{org}/repositories/{repoId}/score"));
    }

    static void awaitScore(String org, String repoId, String sha) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var response = given().get(SCORE, org, repoId);
                    return response.statusCode() == 200 && sha.equals(response.jsonPath().getString("sha"));
                });
    }
}
