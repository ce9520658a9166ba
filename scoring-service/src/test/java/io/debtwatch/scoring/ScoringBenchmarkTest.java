package io.debtwatch.scoring;

import static io.restassured.RestAssured.given;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.debtwatch.analyzer.score.ScoreModel;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.scoring.service.Buckets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The speed benchmark of docs/benchmarks.md: an org of 1,000 repositories with a point on each of
 * 365 days, then the org trend (daily, one year, by team) and the leaderboards over HTTP. Not a
 * timed test: run it with {@code -Dbenchmark=true}; it prints p50/p95/p99.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ScoringBenchmarkTest {

    private static final Logger LOG = Logger.getLogger(ScoringBenchmarkTest.class);
    private static final String ORG = "bench";
    private static final int REPOS = 1000;
    private static final int DAYS = 365;
    private static final int TEAMS = 20;
    private static final LocalDate FIRST = LocalDate.parse("2025-01-01");

    @Inject
    MongoClient client;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void trendAndLeaderboardLatency() {
        long seeding = System.nanoTime();
        seed(client.getDatabase(database));
        LOG.infof("seeded %d repositories x %d days in %d ms", REPOS, DAYS, (System.nanoTime() - seeding) / 1_000_000);
        LocalDate last = FIRST.plusDays(DAYS - 1);
        measure("trend daily one year by team", () -> given().queryParam("from", FIRST.toString())
                .queryParam("to", last.toString()).queryParam("interval", "day").queryParam("groupBy", "team")
                .get("/api/v1/orgs/{org}/trends", ORG).then().statusCode(200));
        measure("leaderboard worst", () -> given().queryParam("order", "worst")
                .get("/api/v1/orgs/{org}/leaderboard", ORG).then().statusCode(200));
        measure("leaderboard improved 30d", () -> given().queryParam("order", "improved").queryParam("period", "30d")
                .queryParam("asOf", last.toString()).get("/api/v1/orgs/{org}/leaderboard", ORG).then().statusCode(200));
    }

    private static void measure(String what, Runnable call) {
        for (int i = 0; i < 5; i++) {
            call.run();
        }
        int runs = 50;
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        LOG.infof("BENCHMARK %s: p50 %d ms, p95 %d ms, p99 %d ms (%d runs)", what, millis[runs / 2],
                millis[(int) Math.ceil(runs * 0.95) - 1], millis[(int) Math.ceil(runs * 0.99) - 1], runs);
    }

    /**
     * Writes the documents the service writes for one point per repository and day: daily points,
     * current scores and the roll-up changes, in bulk, since replaying 365,000 analyses one by one
     * through Kafka would measure the seeding rather than the queries.
     */
    private static void seed(MongoDatabase db) {
        Random random = new Random(42);
        Map<String, Document> deltas = new HashMap<>();
        List<Document> points = new ArrayList<>();
        List<Document> current = new ArrayList<>();
        for (int r = 0; r < REPOS; r++) {
            String repoId = String.format("%024x", r + 1);
            String team = "team-" + (r % TEAMS);
            long loc = 1000 + random.nextInt(50_000);
            double index = 10 + random.nextInt(60);
            double prevIndex = 0;
            long prevLoc = 0;
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = FIRST.plusDays(d);
                index = Math.max(0, Math.min(100, Math.round((index + random.nextGaussian()) * 10) / 10.0));
                String next = d == DAYS - 1 ? null : day.plusDays(1).toString();
                points.add(new Document("_id", repoId + ":" + day).append("repoId", repoId).append("org", ORG)
                        .append("team", team).append("day", day.toString()).append("week", Buckets.week(day))
                        .append("month", Buckets.month(day)).append("depth", (long) d).append("index", index)
                        .append("grade", ScoreModel.grade(index)).append("linesOfCode", loc)
                        .append("categoryScores", new Document("satd", index)).append("sha", repoId + d)
                        .append("nextDay", next));
                double changeIndexLoc = index * loc - prevIndex * prevLoc;
                addDelta(deltas, "org", null, day, changeIndexLoc, loc - prevLoc, d == 0 ? 1 : 0);
                addDelta(deltas, "team", team, day, changeIndexLoc, loc - prevLoc, d == 0 ? 1 : 0);
                prevIndex = index;
                prevLoc = loc;
            }
            current.add(new Document("_id", repoId).append("repoId", repoId).append("org", ORG).append("team", team)
                    .append("scoreId", repoId + ":last").append("depth", (long) DAYS - 1).append("index", index)
                    .append("grade", ScoreModel.grade(index)).append("linesOfCode", loc)
                    .append("categoryScores", new Document("satd", index)).append("deleted", false));
            if (points.size() >= 20_000) {
                db.getCollection("daily_points").insertMany(points);
                points.clear();
            }
        }
        if (!points.isEmpty()) {
            db.getCollection("daily_points").insertMany(points);
        }
        db.getCollection("current_scores").insertMany(current);
        db.getCollection("rollup_deltas").insertMany(new ArrayList<>(deltas.values()));
    }

    private static void addDelta(Map<String, Document> deltas, String kind, String team, LocalDate day,
            double indexLoc, double loc, int repositories) {
        String scope = team == null ? "org" : "team:" + team;
        Document d = deltas.computeIfAbsent(ORG + "|" + scope + "|" + day, id -> new Document("_id", id)
                .append("org", ORG).append("kind", kind).append("scope", scope).append("day", day.toString())
                .append("week", Buckets.week(day)).append("month", Buckets.month(day)).append("indexLoc", 0.0)
                .append("loc", 0.0).append("repositories", 0).append("categoryLoc", new Document("satd", 0.0)));
        d.put("indexLoc", d.getDouble("indexLoc") + indexLoc);
        d.put("loc", d.getDouble("loc") + loc);
        d.put("repositories", d.getInteger("repositories") + repositories);
        Document categories = d.get("categoryLoc", Document.class);
        categories.put("satd", categories.getDouble("satd") + indexLoc);
    }
}
