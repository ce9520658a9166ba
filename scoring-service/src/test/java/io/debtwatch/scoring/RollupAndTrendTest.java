package io.debtwatch.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.RepositoryDeleted;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.scoring.service.ScoreCalculator;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Daily points, LOC-weighted roll-ups with carry-forward and deletion, and the trend and history buckets. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class RollupAndTrendTest {

    @Test
    void rollupIsWeightedByLinesOfCodeCarriesForwardAndDropsADeletedRepository() {
        String org = "rollup-" + Analyses.repoId().substring(0, 8);
        String small = Analyses.repoId();
        String large = Analyses.repoId();
        CommitAnalyzed a = Analyses.simple(org, "core", small, 1, Instant.parse("2026-01-10T09:00:00Z"), 1000, 2);
        CommitAnalyzed b = Analyses.simple(org, "core", large, 1, Instant.parse("2026-01-12T09:00:00Z"), 3000, 5);
        double ia = ScoreCalculator.score(a).index();
        double ib = ScoreCalculator.score(b).index();
        Analyses.send(a);
        Analyses.send(b);
        ScoringFoundationTest.awaitScore(org, small, a.sha());
        ScoringFoundationTest.awaitScore(org, large, b.sha());
        TopicReader.send(KafkaTestResource.broker().bootstrapServers(), Topics.REPOSITORIES, small,
                EventJson.write(RepositoryDeleted.of(small, org, false, Instant.parse("2026-01-15T12:00:00Z"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/v1/orgs/{org}/summary", org)
                .jsonPath().getInt("repositories") == 1);

        JsonPath trend = given().queryParam("from", "2026-01-09").queryParam("to", "2026-01-16")
                .queryParam("groupBy", "team").get("/api/v1/orgs/{org}/trends", org)
                .then().statusCode(200).body("series", hasSize(1)).body("series[0].key", equalTo("core"))
                // a day is its own start and end: a daily point leaves them out
                .body("series[0].points[0].bucket", equalTo("2026-01-09"))
                .body("series[0].points[0]", not(hasKey("start"))).body("series[0].points[0]", not(hasKey("end")))
                .extract().jsonPath();
        List<Float> index = trend.getList("series[0].points.index", Float.class);
        List<Integer> loc = trend.getList("series[0].points.linesOfCode", Integer.class);
        double both = Math.round((ia * 1000 + ib * 3000) / 4000 * 10) / 10.0;
        // 01-09 nothing, 01-10..11 small only, 01-12..14 both weighted 1:3, 01-15..16 the large one after the deletion
        assertEquals(List.of(0, 1000, 1000, 4000, 4000, 4000, 3000, 3000), loc);
        assertEquals(null, index.get(0));
        assertEquals((float) ia, index.get(1));
        assertEquals((float) ia, index.get(2));
        assertEquals((float) both, index.get(3));
        assertEquals((float) both, index.get(5));
        assertEquals((float) ib, index.get(6));
        assertEquals((float) ib, index.get(7));

        // by category: each category's score weighted by LOC the same way, here satd (the TODOs) on 01-13
        double satd = Math.round((ScoreCalculator.score(a).categoryScores().get("satd") * 1000
                + ScoreCalculator.score(b).categoryScores().get("satd") * 3000) / 4000 * 10) / 10.0;
        given().queryParam("from", "2026-01-13").queryParam("to", "2026-01-13").queryParam("groupBy", "category")
                .get("/api/v1/orgs/{org}/trends", org).then().statusCode(200)
                .body("series.find { it.key == 'satd' }.points[0].index", equalTo((float) satd))
                .body("series.find { it.key == 'satd' }.points[0].linesOfCode", equalTo(4000));

        given().queryParam("asOf", "2026-01-13").get("/api/v1/orgs/{org}/summary", org).then().statusCode(200)
                .body("repositories", equalTo(2)).body("linesOfCode", equalTo(4000))
                .body("index", equalTo((float) both));
        given().get("/api/v1/orgs/{org}/summary", org).then().body("repositories", equalTo(1))
                .body("linesOfCode", equalTo(3000));
    }

    @Test
    void weeksAreIsoWeeksAcrossTheYearEndAndMonthsTakeTheLastPointOfTheMonth() {
        String org = "weeks-" + Analyses.repoId().substring(0, 8);
        String repo = Analyses.repoId();
        CommitAnalyzed p1 = Analyses.simple(org, "core", repo, 1, Instant.parse("2025-12-28T10:00:00Z"), 1000, 0);
        CommitAnalyzed p2 = Analyses.simple(org, "core", repo, 2, Instant.parse("2025-12-30T10:00:00Z"), 1000, 2);
        CommitAnalyzed p3 = Analyses.simple(org, "core", repo, 3, Instant.parse("2026-01-02T10:00:00Z"), 1000, 10);
        CommitAnalyzed p4 = Analyses.simple(org, "core", repo, 4, Instant.parse("2026-01-05T10:00:00Z"), 1000, 40);
        CommitAnalyzed sameDayEarlier = Analyses.simple(org, "core", repo, 0, Instant.parse("2025-12-28T08:00:00Z"),
                1000, 40);
        for (CommitAnalyzed c : List.of(p4, p2, p1, p3, sameDayEarlier)) {
            Analyses.send(c);
        }
        ScoringFoundationTest.awaitScore(org, repo, p4.sha());
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get(
                "/api/v1/orgs/{org}/repositories/{repoId}/commits/{sha}", org, repo, sameDayEarlier.sha())
                .statusCode() == 200);

        given().queryParam("from", "2025-12-27").queryParam("to", "2026-01-06").queryParam("interval", "week")
                .get("/api/v1/orgs/{org}/repositories/{repoId}/history", org, repo).then().statusCode(200)
                .body("points.bucket", equalTo(List.of("2025-W52", "2026-W01", "2026-W02")))
                .body("points[0].start", equalTo("2025-12-27")).body("points[0].end", equalTo("2025-12-28"))
                .body("points[1].start", equalTo("2025-12-29")).body("points[1].end", equalTo("2026-01-04"))
                .body("points.index", equalTo(List.of(idx(p1), idx(p3), idx(p4))));
        given().queryParam("from", "2025-12-01").queryParam("to", "2026-01-31").queryParam("interval", "month")
                .get("/api/v1/orgs/{org}/trends", org).then().statusCode(200)
                .body("series[0].key", equalTo("org"))
                .body("series[0].points.bucket", equalTo(List.of("2025-12", "2026-01")))
                .body("series[0].points.index", equalTo(List.of(idx(p2), idx(p4))));
        given().queryParam("asOf", "2026-01-03").get("/api/v1/orgs/{org}/repositories/{repoId}/score", org, repo)
                .then().statusCode(200).body("sha", equalTo(p3.sha()));
        given().get("/api/v1/orgs/{org}/repositories/{repoId}/score", org, repo).then().body("sha", equalTo(p4.sha()));
        given().queryParam("from", "2025-12-01").queryParam("to", "2025-12-27")
                .get("/api/v1/orgs/{org}/repositories/{repoId}/history", org, repo).then().statusCode(200)
                .body("points[0].index", nullValue());
    }

    @Test
    void leaderboardsAsOfADayCarryPointsAcrossEmptyMonthsAndLeaveDeletedRepositoriesOut() {
        String org = "board-" + Analyses.repoId().substring(0, 8);
        String a = Analyses.repoId();
        String b = Analyses.repoId();
        String c = Analyses.repoId();
        CommitAnalyzed a1 = Analyses.simple(org, "core", a, 1, Instant.parse("2026-01-05T09:00:00Z"), 1000, 8);
        CommitAnalyzed a2 = Analyses.simple(org, "core", a, 2, Instant.parse("2026-03-10T09:00:00Z"), 1000, 0);
        CommitAnalyzed b1 = Analyses.simple(org, "web", b, 1, Instant.parse("2026-01-20T09:00:00Z"), 2000, 1);
        CommitAnalyzed b2 = Analyses.simple(org, "web", b, 2, Instant.parse("2026-02-15T09:00:00Z"), 2000, 6);
        CommitAnalyzed c1 = Analyses.simple(org, "web", c, 1, Instant.parse("2026-01-07T09:00:00Z"), 500, 20);
        // the later commit of a first, so its earlier one arrives with a next point two months on
        for (CommitAnalyzed analysis : List.of(a2, a1, b1, b2, c1)) {
            Analyses.send(analysis);
        }
        for (CommitAnalyzed analysis : List.of(a1, a2, b1, b2, c1)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get(
                    "/api/v1/orgs/{org}/repositories/{repoId}/commits/{sha}", org, analysis.repoId(), analysis.sha())
                    .statusCode() == 200);
        }
        ScoringFoundationTest.awaitScore(org, b, b2.sha());
        TopicReader.send(KafkaTestResource.broker().bootstrapServers(), Topics.REPOSITORIES, c,
                EventJson.write(RepositoryDeleted.of(c, org, false, Instant.parse("2026-02-01T12:00:00Z"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/v1/orgs/{org}/summary", org)
                .jsonPath().getInt("repositories") == 2);

        // 2026-03-12 against 2026-02-10: a's January point holds through February, c is gone
        JsonPath improved = given().queryParam("order", "improved").queryParam("period", "30d")
                .queryParam("asOf", "2026-03-12").get("/api/v1/orgs/{org}/leaderboard", org).then().statusCode(200)
                .body("entries", hasSize(2)).extract().jsonPath();
        assertEquals(List.of(a, b), improved.getList("entries.repoId"));
        assertEquals(List.of(idx(a2), idx(b2)), improved.getList("entries.index", Float.class));
        assertEquals(List.of(idx(a1), idx(b1)), improved.getList("entries.previousIndex", Float.class));
        // the same period the other way round, and the best now: b rose from its January to its February point
        given().queryParam("order", "regressed").queryParam("period", "30d").queryParam("asOf", "2026-03-12")
                .get("/api/v1/orgs/{org}/leaderboard", org).then().statusCode(200)
                .body("entries.repoId", equalTo(List.of(b, a)))
                .body("entries.previousIndex", equalTo(List.of(idx(b1), idx(a1))));
        given().queryParam("order", "best").queryParam("asOf", "2026-03-12").get("/api/v1/orgs/{org}/leaderboard", org)
                .then().statusCode(200).body("entries.repoId", equalTo(List.of(a, b)))
                .body("entries.index", equalTo(List.of(idx(a2), idx(b2))));
        // 2026-01-10 against 2025-12-11: a and c, nothing earlier to compare with
        given().queryParam("order", "worst").queryParam("asOf", "2026-01-10")
                .get("/api/v1/orgs/{org}/leaderboard", org).then().statusCode(200)
                .body("entries.repoId", equalTo(List.of(c, a))).body("entries.previousIndex", equalTo(
                        Arrays.asList(null, null)));
        // now: the worst of the live repositories, compared with 30 days ago (long after every point)
        given().queryParam("order", "worst").queryParam("limit", "1").get("/api/v1/orgs/{org}/leaderboard", org)
                .then().statusCode(200).body("entries.repoId", equalTo(List.of(b)))
                .body("entries[0].previousIndex", equalTo(idx(b2))).body("entries[0].change", equalTo(0.0f));
        given().queryParam("asOf", "2026-02-20").get("/api/v1/orgs/{org}/summary", org).then().statusCode(200)
                .body("repositories", equalTo(2)).body("linesOfCode", equalTo(3000))
                .body("index", equalTo((float) (Math.round((ScoreCalculator.score(a1).index() * 1000
                        + ScoreCalculator.score(b2).index() * 2000) / 3000 * 10) / 10.0)));
    }

    @Test
    void aPurgedRepositoryLeavesEveryDayOfTheSummaryAndLeaderboard() {
        String org = "purge-" + Analyses.repoId().substring(0, 8);
        String kept = Analyses.repoId();
        String purged = Analyses.repoId();
        CommitAnalyzed k1 = Analyses.simple(org, "core", kept, 1, Instant.parse("2026-01-05T09:00:00Z"), 1000, 2);
        CommitAnalyzed p1 = Analyses.simple(org, "core", purged, 1, Instant.parse("2026-01-05T09:00:00Z"), 2000, 9);
        CommitAnalyzed p2 = Analyses.simple(org, "core", purged, 2, Instant.parse("2026-01-20T09:00:00Z"), 2000, 12);
        for (CommitAnalyzed analysis : List.of(k1, p1, p2)) {
            Analyses.send(analysis);
        }
        ScoringFoundationTest.awaitScore(org, kept, k1.sha());
        ScoringFoundationTest.awaitScore(org, purged, p2.sha());
        given().queryParam("asOf", "2026-01-10").get("/api/v1/orgs/{org}/summary", org).then()
                .body("repositories", equalTo(2));

        TopicReader.send(KafkaTestResource.broker().bootstrapServers(), Topics.REPOSITORIES, purged,
                EventJson.write(RepositoryDeleted.of(purged, org, true, Instant.parse("2026-02-01T12:00:00Z"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/v1/orgs/{org}/summary", org)
                .jsonPath().getInt("repositories") == 1);

        for (String day : List.of("2026-01-10", "2026-01-25")) {
            given().queryParam("asOf", day).get("/api/v1/orgs/{org}/summary", org).then().statusCode(200)
                    .body("repositories", equalTo(1)).body("linesOfCode", equalTo(1000))
                    .body("index", equalTo(idx(k1)));
            given().queryParam("order", "worst").queryParam("asOf", day).get("/api/v1/orgs/{org}/leaderboard", org)
                    .then().statusCode(200).body("entries.repoId", equalTo(List.of(kept)));
        }
    }

    @Test
    void badParametersAreProblems() {
        String trends = "/api/v1/orgs/acme/trends";
        given().queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get(trends).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().queryParam("interval", "year").get(trends).then().statusCode(400)
                .body("errors[0].field", equalTo("interval"));
        given().queryParam("from", "2020-01-01").queryParam("to", "2026-01-01").get(trends).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().queryParam("groupBy", "planet").get(trends).then().statusCode(400);
        given().queryParam("from", "yesterday").get(trends).then().statusCode(400);
        given().queryParam("order", "random").get("/api/v1/orgs/acme/leaderboard").then().statusCode(400);
        given().queryParam("period", "1y").get("/api/v1/orgs/acme/leaderboard").then().statusCode(400);
        given().get("/api/v1/orgs/ACME!/summary").then().statusCode(400);
    }

    private static float idx(CommitAnalyzed c) {
        return (float) ScoreCalculator.score(c).index();
    }
}
