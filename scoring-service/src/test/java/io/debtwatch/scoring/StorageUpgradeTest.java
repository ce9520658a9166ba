package io.debtwatch.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.scoring.repository.ScoringDatabase;
import io.debtwatch.scoring.repository.StorageUpgrade;
import io.debtwatch.scoring.service.ScoreCalculator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** An installation upgraded from the per-day roll-up layout keeps its trends and leaderboards. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class StorageUpgradeTest {

    @Inject
    ScoringDatabase database;

    @Inject
    StorageUpgrade upgrade;

    @Test
    void historyStoredInTheOldLayoutIsCarriedOverOnceAndAnswersAsBefore() {
        String org = "upgrade-" + Analyses.repoId().substring(0, 8);
        String small = Analyses.repoId();
        String large = Analyses.repoId();
        CommitAnalyzed a = Analyses.simple(org, "core", small, 1, Instant.parse("2026-01-10T09:00:00Z"), 1000, 2);
        CommitAnalyzed b = Analyses.simple(org, "web", large, 1, Instant.parse("2026-01-12T09:00:00Z"), 3000, 5);
        CommitAnalyzed a2 = Analyses.simple(org, "core", small, 2, Instant.parse("2026-01-13T09:00:00Z"), 1000, 9);
        Analyses.send(a);
        Analyses.send(b);
        ScoringFoundationTest.awaitScore(org, small, a.sha());
        Analyses.send(a2);
        ScoringFoundationTest.awaitScore(org, large, b.sha());
        ScoringFoundationTest.awaitScore(org, small, a2.sha());
        List<String> before = answers(org);

        // what an installation of the old layout holds: the same daily points and current scores, the
        // roll-up changes per scope and day in rollup_deltas, and no month documents or org timelines
        database.collection("rollup_months").deleteMany(Filters.regex("_id", "^" + org + "\\|"));
        database.collection("org_timelines").deleteMany(Filters.eq("org", org));
        double ia = ScoreCalculator.score(a).index();
        double ib = ScoreCalculator.score(b).index();
        double ia2 = ScoreCalculator.score(a2).index();
        database.collection("rollup_deltas").insertMany(List.of(
                oldChange(org, "org", "2026-01-10", ia * 1000, 1000, 1),
                oldChange(org, "org", "2026-01-12", ib * 3000, 3000, 1),
                oldChange(org, "org", "2026-01-13", (ia2 - ia) * 1000, 0, 0),
                oldChange(org, "team:core", "2026-01-10", ia * 1000, 1000, 1),
                oldChange(org, "team:core", "2026-01-13", (ia2 - ia) * 1000, 0, 0),
                oldChange(org, "team:web", "2026-01-12", ib * 3000, 3000, 1)));
        assertNotEquals(before, answers(org), "without the upgrade the history is not found");

        database.collection("migrations").deleteMany(Filters.in("_id", "2026-11-rollup-months-and-timelines",
                "2026-11-org-timelines"));
        StorageUpgrade.Outcome outcome = upgrade.run();
        assertTrue(outcome.ran());
        assertEquals(6, outcome.rollupChanges());
        assertEquals(before, answers(org));
        // the small repository's value two days before is read from the org's document of that day
        given().queryParam("order", "improved").queryParam("period", "2d").queryParam("asOf", "2026-01-13")
                .get("/api/v1/orgs/{org}/leaderboard", org).then().statusCode(200)
                .body("entries[0].repoId", equalTo(small)).body("entries[0].index", equalTo((float) ia2))
                .body("entries[0].previousIndex", equalTo((float) ia))
                .body("entries[0].change", equalTo((float) (Math.round((ia2 - ia) * 10) / 10.0)))
                .body("entries[1].repoId", equalTo(large)).body("entries[1].previousIndex", nullValue());

        assertFalse(upgrade.run().ran(), "done once, never again");
        assertEquals(before, answers(org), "nothing is added twice");
    }

    private static Document oldChange(String org, String scope, String day, double indexLoc, double loc,
            int repositories) {
        return new Document("_id", org + "|" + scope + "|" + day).append("org", org)
                .append("kind", scope.equals("org") ? "org" : "team").append("scope", scope).append("day", day)
                .append("indexLoc", indexLoc).append("loc", loc).append("repositories", repositories);
    }

    private static List<String> answers(String org) {
        String trends = "/api/v1/orgs/{org}/trends";
        return List.of(
                given().queryParam("from", "2026-01-09").queryParam("to", "2026-01-14").get(trends, org)
                        .then().statusCode(200).extract().jsonPath().getString("series.points.index"),
                given().queryParam("from", "2026-01-09").queryParam("to", "2026-01-14").queryParam("groupBy", "team")
                        .get(trends, org).then().statusCode(200).extract().jsonPath().getString("series"),
                given().queryParam("asOf", "2026-01-11").get("/api/v1/orgs/{org}/summary", org)
                        .then().statusCode(200).extract().asString(),
                given().queryParam("order", "worst").queryParam("asOf", "2026-01-11")
                        .get("/api/v1/orgs/{org}/leaderboard", org).then().statusCode(200).extract().asString(),
                given().queryParam("order", "improved").queryParam("period", "2d").queryParam("asOf", "2026-01-13")
                        .get("/api/v1/orgs/{org}/leaderboard", org).then().statusCode(200).extract().asString());
    }
}
