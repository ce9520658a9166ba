package io.debtwatch.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The analyses of one poll are scored together: the same results as one by one, and a poison message alone dead-lettered. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class BatchScoringTest {

    private static final String COMMIT = "/api/v1/orgs/{org}/repositories/{repoId}/commits/{sha}";
    /** Arrival order by depth: a backfill out of order, two commits of one day, a redelivery in the middle. */
    private static final int[] ORDER = {7, 3, 12, 1, 5, 5, 9, 2, 11, 4, 8, 6, 10};

    @Test
    void aPoisonMessageInTheMiddleOfABatchGoesAloneToTheDeadLetterTopic() {
        String repo = Analyses.repoId();
        Instant t = Instant.parse("2026-06-01T10:00:00Z");
        CommitAnalyzed first = Analyses.simple("acme", "core", repo, 1, t, 1000, 1);
        CommitAnalyzed second = Analyses.simple("acme", "core", repo, 2, t.plusSeconds(60), 1000, 2);
        CommitAnalyzed third = Analyses.simple("acme", "core", repo, 3, t.plusSeconds(120), 1000, 3);
        String noTime = EventJson.write(Analyses.simple("acme", "core", repo, 4, t, 1000, 0))
                .replaceFirst("\"committedAt\":\"[^\"]*\"", "\"committedAt\":null");
        // readable and valid, but scoring it fails: a language with no line count
        String unscorable = EventJson.write(Analyses.simple("acme", "core", repo, 5, t, 1000, 0))
                .replace("\"java\":1000", "\"java\":null");
        assertTrue(noTime.contains("\"committedAt\":null") && unscorable.contains("\"java\":null"));
        try (TopicReader dlq = new TopicReader(KafkaTestResource.broker().bootstrapServers(),
                Topics.deadLetter(Topics.ANALYSES))) {
            Analyses.sendTogether(List.of(Map.entry(repo, EventJson.write(first)), Map.entry(repo, "{not json"),
                    Map.entry(repo, EventJson.write(second)), Map.entry(repo, noTime), Map.entry(repo, unscorable),
                    Map.entry(repo, EventJson.write(third))));
            ScoringFoundationTest.awaitScore("acme", repo, third.sha());
            for (CommitAnalyzed good : List.of(first, second)) {
                given().get(COMMIT, "acme", repo, good.sha()).then().statusCode(200);
            }
            List<ConsumerRecord<String, String>> dead = dlq.await(4, r -> repo.equals(r.key()), Duration.ofSeconds(10));
            assertEquals(Set.of("{not json", noTime, unscorable),
                    dead.stream().map(ConsumerRecord::value).collect(Collectors.toSet()));
            assertEquals(3, dead.size());
            dead.forEach(r -> assertTrue(r.headers().lastHeader("dead-letter-reason") != null));
        }
    }

    @Test
    void aBatchWithOneRepositorysCommitsOutOfOrderGivesWhatOneByOneGives() throws Exception {
        String suffix = Analyses.repoId().substring(0, 8);
        String batchOrg = "batch-" + suffix;
        String singleOrg = "single-" + suffix;
        List<String> batchRepos = List.of(Analyses.repoId(), Analyses.repoId());
        List<String> singleRepos = List.of(Analyses.repoId(), Analyses.repoId());
        List<CommitAnalyzed> batch = arrivals(batchOrg, batchRepos);
        List<CommitAnalyzed> single = arrivals(singleOrg, singleRepos);
        try (TopicReader events = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.SCORE_EVENTS)) {
            Analyses.sendTogether(batch.stream().map(a -> Map.entry(a.repoId(), EventJson.write(a))).toList());
            for (CommitAnalyzed a : single) {
                Analyses.send(a);
                await().atMost(Duration.ofSeconds(30)).until(() -> given().get(COMMIT, a.org(), a.repoId(), a.sha())
                        .statusCode() == 200);
            }
            for (CommitAnalyzed a : batch) {
                await().atMost(Duration.ofSeconds(30)).until(() -> given().get(COMMIT, a.org(), a.repoId(), a.sha())
                        .statusCode() == 200);
            }
            for (int r = 0; r < 2; r++) {
                ScoringFoundationTest.awaitScore(batchOrg, batchRepos.get(r), Analyses.sha(batchRepos.get(r), 12));
                ScoringFoundationTest.awaitScore(singleOrg, singleRepos.get(r), Analyses.sha(singleRepos.get(r), 12));
                assertEquals(score(singleOrg, singleRepos.get(r)), score(batchOrg, batchRepos.get(r)));
                assertEquals(history(singleOrg, singleRepos.get(r)), history(batchOrg, batchRepos.get(r)));
            }
            for (String groupBy : List.of("team", "repo", "category")) {
                assertEquals(trend(singleOrg, groupBy, singleRepos), trend(batchOrg, groupBy, batchRepos), groupBy);
            }
            // the current score moves at 7 and at 12, the only arrivals deeper than every earlier one
            Set<String> repos = Set.of(batchRepos.get(0), batchRepos.get(1), singleRepos.get(0), singleRepos.get(1));
            List<ConsumerRecord<String, String>> changed = events.await(8, x -> repos.contains(x.key())
                    && scoreChanged(x), Duration.ofSeconds(20));
            for (int r = 0; r < 2; r++) {
                List<String> fromBatch = scoreChanges(changed, batchRepos.get(r));
                assertEquals(2, fromBatch.size());
                assertEquals(scoreChanges(changed, singleRepos.get(r)), fromBatch);
            }
        }
    }

    /** The same history for both repositories of the org, interleaved, in {@link #ORDER}. */
    private static List<CommitAnalyzed> arrivals(String org, List<String> repos) {
        List<CommitAnalyzed> all = new ArrayList<>();
        for (int depth : ORDER) {
            for (int r = 0; r < repos.size(); r++) {
                // about every other commit a day apart, crossing from January into March
                Instant at = Instant.parse("2026-01-27T09:00:00Z").plus(Duration.ofHours(depth * 11L + r));
                all.add(Analyses.simple(org, r == 0 ? "core" : "web", repos.get(r), depth, at, 1000 + 500 * r + depth * 7,
                        (depth * 5 + r * 3) % 9));
            }
        }
        return all;
    }

    private static List<Object> score(String org, String repo) {
        JsonPath body = given().get(ScoringFoundationTest.SCORE, org, repo).then().statusCode(200).extract().jsonPath();
        return List.of(body.getFloat("index"), body.getString("grade"), body.getString("explanation"),
                body.getInt("linesOfCode"), body.getMap("categoryScores"));
    }

    private static List<Object> history(String org, String repo) {
        return given().queryParam("from", "2026-01-26").queryParam("to", "2026-03-05")
                .get("/api/v1/orgs/{org}/repositories/{repoId}/history", org, repo).then().statusCode(200)
                .extract().jsonPath().getList("points");
    }

    /** The org's daily trend by series, repository ids written as their position so the two orgs compare. */
    private static Map<String, Object> trend(String org, String groupBy, List<String> repos) {
        List<Map<String, Object>> series = given().queryParam("from", "2026-01-26").queryParam("to", "2026-03-05")
                .queryParam("groupBy", groupBy).get("/api/v1/orgs/{org}/trends", org).then().statusCode(200)
                .extract().jsonPath().getList("series");
        Map<String, Object> byKey = new TreeMap<>();
        for (Map<String, Object> s : series) {
            String key = String.valueOf(s.get("key"));
            byKey.put(repos.contains(key) ? "repo-" + repos.indexOf(key) : key, s.get("points"));
        }
        return byKey;
    }

    private static boolean scoreChanged(ConsumerRecord<String, String> record) {
        return "io.debtwatch.score.changed.v1".equals(new String(record.headers().lastHeader("ce_type").value(),
                StandardCharsets.UTF_8));
    }

    private static List<String> scoreChanges(List<ConsumerRecord<String, String>> records, String repo)
            throws Exception {
        List<String> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records.stream().filter(x -> repo.equals(x.key())).toList()) {
            JsonNode e = EventJson.mapper().readTree(r.value());
            changes.add(e.get("index") + " from " + e.get("previousIndex") + ", " + e.get("explanation"));
        }
        return changes;
    }
}
