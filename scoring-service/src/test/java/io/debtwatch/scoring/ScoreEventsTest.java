package io.debtwatch.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.debtwatch.analyzer.score.Score;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.GradeChanged;
import io.debtwatch.events.IndicatorTotal;
import io.debtwatch.events.PromotionEvidence;
import io.debtwatch.events.PrototypePromoted;
import io.debtwatch.events.ScoreChanged;
import io.debtwatch.events.ThresholdCrossed;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.scoring.service.ScoreCalculator;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every score event with its exact payload, the explanation against the parent, and SARIF findings. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class ScoreEventsTest {

    static final Map<String, Boolean> FAILING = Map.of("readme", false, "ci", false, "tests", false, "logging", false,
            "health-endpoint", false);

    @Test
    void gradeThresholdAndPrototypePromotionEventsCarryExactPayloads() throws Exception {
        String org = "events-" + Analyses.repoId().substring(0, 8);
        String repo = Analyses.repoId();
        Instant t = Instant.parse("2026-04-01T10:00:00Z");
        CommitAnalyzed clean = Analyses.with(org, repo, 1, t, 1000, todos(10), Map.of());
        Map<String, IndicatorTotal> bad = todos(10);
        bad.put("security.token", new IndicatorTotal("security", 5, 300));
        CommitAnalyzed prototype = Analyses.with(org, repo, 2, t.plusSeconds(60), 1000, bad, FAILING);
        Map<String, Boolean> shipped = new HashMap<>(FAILING);
        shipped.put("dockerfile", true);
        CommitAnalyzed docker = Analyses.with(org, repo, 3, t.plusSeconds(120), 1000, bad, shipped);
        Score before = ScoreCalculator.score(clean);
        Score after = ScoreCalculator.score(prototype);
        assertTrue(before.index() < 50 && after.index() >= 50, "the inputs must cross the default threshold");

        try (TopicReader events = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.SCORE_EVENTS)) {
            Analyses.send(clean);
            ScoringFoundationTest.awaitScore(org, repo, clean.sha());
            Analyses.send(prototype);
            ScoringFoundationTest.awaitScore(org, repo, prototype.sha());
            Analyses.send(docker);
            List<ConsumerRecord<String, String>> seen = events.await(6, r -> repo.equals(r.key()),
                    Duration.ofSeconds(30));
            assertEquals(6, seen.size(), "3 ScoreChanged, 1 GradeChanged, 1 ThresholdCrossed, 1 PrototypePromoted");
            Map<String, JsonNode> byId = new HashMap<>();
            for (ConsumerRecord<String, String> r : seen) {
                JsonNode node = EventJson.mapper().readTree(r.value());
                byId.put(node.get("eventId").asText(), node);
            }
            JsonNode changed = byId.get(EventIds.scoreEvent(repo, prototype.sha(), "1.0.0", ScoreChanged.KIND));
            Instant at = Instant.parse(changed.get("occurredAt").asText());
            String explanation = changed.get("explanation").asText();
            assertEquals(json(new ScoreChanged(EventIds.scoreEvent(repo, prototype.sha(), "1.0.0", ScoreChanged.KIND),
                    repo, org, "core", prototype.sha(), "1.0.0", prototype.committedAt(), after.index(),
                    before.index(), after.grade(), before.grade(), after.categoryScores(), explanation, at)), changed);
            assertEquals(json(new GradeChanged(EventIds.scoreEvent(repo, prototype.sha(), "1.0.0", GradeChanged.KIND),
                    repo, org, "core", prototype.sha(), "1.0.0", prototype.committedAt(), after.grade(),
                    before.grade(), after.index(), before.index(), at)),
                    byId.get(EventIds.scoreEvent(repo, prototype.sha(), "1.0.0", GradeChanged.KIND)));
            assertEquals(json(new ThresholdCrossed(
                    EventIds.scoreEvent(repo, prototype.sha(), "1.0.0", ThresholdCrossed.KIND), repo, org, "core",
                    prototype.sha(), "1.0.0", prototype.committedAt(), 50.0, "above", after.index(), before.index(),
                    at)), byId.get(EventIds.scoreEvent(repo, prototype.sha(), "1.0.0", ThresholdCrossed.KIND)));
            JsonNode promoted = byId.get(EventIds.scoreEvent(repo, docker.sha(), "1.0.0", PrototypePromoted.KIND));
            assertEquals(json(new PrototypePromoted(
                    EventIds.scoreEvent(repo, docker.sha(), "1.0.0", PrototypePromoted.KIND), repo, org, "core",
                    docker.sha(), "1.0.0", docker.committedAt(), after.index(), after.grade(),
                    List.of(new PromotionEvidence("repository-check", "dockerfile", "false", "true")),
                    Instant.parse(promoted.get("occurredAt").asText()))), promoted);
            assertEquals(Set.of(ScoreChanged.KIND),
                    Set.of(byId.keySet().stream().filter(k -> k.startsWith(repo + ":" + clean.sha()))
                            .map(k -> k.substring(k.lastIndexOf(':') + 1)).toArray(String[]::new)));
        }
    }

    @Test
    void explanationNamesNewFindingsAgainstTheParent() {
        String repo = Analyses.repoId();
        Instant t = Instant.parse("2026-05-01T10:00:00Z");
        CommitAnalyzed first = Analyses.simple("acme", "core", repo, 1, t, 1000, 0);
        CommitAnalyzed second = Analyses.analysis("acme", "core", repo, 2, t.plusSeconds(60), 1000, 2,
                List.of(Analyses.todo("api/Orders.java", 3), Analyses.todo("api/v2/Users.java", 9)), Map.of());
        Analyses.send(first);
        Analyses.send(second);
        ScoringFoundationTest.awaitScore("acme", repo, second.sha());
        double delta = ScoreCalculator.score(second).index() - ScoreCalculator.score(first).index();
        given().get(ScoringFoundationTest.SCORE, "acme", repo).then().statusCode(200)
                .body("explanation", equalTo(String.format(java.util.Locale.ROOT, "+%.1f: 2 new TODOs in api/", delta)));
    }

    @Test
    void findingsArePagedFilteredAndValidSarif() throws Exception {
        String repo = Analyses.repoId();
        CommitAnalyzed analysis = Analyses.analysis("acme", "core", repo, 1, Instant.parse("2026-05-02T10:00:00Z"),
                1000, 3, List.of(Analyses.todo("api/A.java", 3), Analyses.todo("api/B.java", 4),
                        Analyses.todo("web/C.java", 5)), Map.of());
        Analyses.send(analysis);
        ScoringFoundationTest.awaitScore("acme", repo, analysis.sha());
        String findings = "/api/v1/orgs/{org}/repositories/{repoId}/findings";
        given().queryParam("size", 2).queryParam("page", 1).get(findings, "acme", repo).then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(1)).body("items[0].path", equalTo("web/C.java"))
                .body("items[0].debtSince", equalTo("2025-01-15T08:00:00Z"));
        given().queryParam("category", "security").get(findings, "acme", repo).then().body("total", equalTo(0));
        given().queryParam("status", "new").get(findings, "acme", repo).then().body("total", equalTo(3));
        given().queryParam("status", "gone").get(findings, "acme", repo).then().statusCode(400);
        given().get(findings, "other", repo).then().statusCode(404);

        String sarif = given().queryParam("format", "sarif").get(findings, "acme", repo).then().statusCode(200)
                .contentType("application/sarif+json").body("runs[0].results.size()", equalTo(3))
                .body("runs[0].results[0].locations[0].physicalLocation.region.startLine", equalTo(3))
                .body("runs[0].results[0].properties.debtSince", equalTo("2025-01-15T08:00:00Z"))
                .extract().asString();
        try (InputStream schemaText = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaText);
            List<Error> errors = schema.validate(sarif, InputFormat.JSON);
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    private static Map<String, IndicatorTotal> todos(int count) {
        Map<String, IndicatorTotal> indicators = new HashMap<>();
        indicators.put("satd.todo", new IndicatorTotal("satd", count, count * 15L));
        return indicators;
    }

    private static JsonNode json(Record event) throws Exception {
        return EventJson.mapper().readTree(EventJson.write(event));
    }
}
