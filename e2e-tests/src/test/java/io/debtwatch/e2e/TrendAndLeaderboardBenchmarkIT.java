package io.debtwatch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speed goal of issue 6, through the gateway: an org of 1,000 repositories with a point on each
 * of 365 days, then the org trend (daily, one year, by team) and the leaderboards, timed at the
 * caller. A benchmark that prints p50/p95/p99 and asserts nothing about speed; run with
 * {@code ./mvnw -pl e2e-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=TrendAndLeaderboardBenchmarkIT -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TrendAndLeaderboardBenchmarkIT {

    private static final Logger LOG = Logger.getLogger(TrendAndLeaderboardBenchmarkIT.class);
    private static final String ORG = "acme";
    private static final int RUNS = Integer.getInteger("benchmark.runs", 100);
    private static final int WARM_UP = 10;

    @TempDir
    Path work;

    @Test
    void trendAndLeaderboardLatencyThroughTheGateway() throws Exception {
        var ports = RunningPlatform.randomPorts();
        ScoringSeed seed = new ScoringSeed(ORG, 1000, 20, LocalDate.parse("2025-01-01"), 365);
        // the benchmark's calls are far more than a key's default bucket; the check itself still runs
        try (RunningPlatform platform = RunningPlatform.start(work.resolve("data"), ports,
                Map.of("DEBTWATCH_GATEWAY_RATE_LIMIT_CAPACITY", "1000000"));
                MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + ports.mongo())) {
            long seeding = System.nanoTime();
            seed.write(mongo.getDatabase("debtwatch_scoring"));
            LOG.infof("seeded 1000 repositories x 365 days in %d ms", (System.nanoTime() - seeding) / 1_000_000);

            HttpClient http = HttpClient.newHttpClient();
            String base = platform.gatewayUrl() + "/api/v1/orgs/" + ORG;
            String bearer = "Bearer " + platform.adminKey();
            String trend = base + "/trends?from=2025-01-01&to=" + seed.last() + "&interval=day&groupBy=team";
            String worst = base + "/leaderboard?order=worst";
            String improved = base + "/leaderboard?order=improved&period=30d&asOf=" + seed.last();

            // the seeded documents are read as the service's own: the figures below time right answers
            ObjectMapper json = new ObjectMapper();
            JsonNode series = json.readTree(get(http, trend, bearer)).get("series");
            assertEquals(20, series.size());
            assertEquals("team-0", series.get(0).get("key").asText());
            assertEquals(365, series.get(0).get("points").size());
            assertEquals(seed.lastIndexOf("team-0"), series.get(0).get("points").get(364).get("index").asDouble());
            assertEquals(seed.worstRepoId(), json.readTree(get(http, worst, bearer)).at("/entries/0/repoId").asText());
            JsonNode entries = json.readTree(get(http, improved, bearer)).get("entries");
            assertEquals(10, entries.size());
            assertEquals(seed.mostImprovedRepoId(), entries.get(0).get("repoId").asText());

            measure("trend daily one year by team", http, trend, bearer);
            measure("leaderboard worst", http, worst, bearer);
            measure("leaderboard improved 30d asOf", http, improved, bearer);

            // the same calls straight to scoring-service, with the internal credential: the gateway's share
            String direct = "http://127.0.0.1:" + ports.scoring();
            String gateway = platform.gatewayUrl();
            String token = platform.secretEnvironment().get("DEBTWATCH_INTERNAL_TOKEN");
            measure("scoring directly: trend", http, trend.replace(gateway, direct), token);
            measure("scoring directly: leaderboard worst", http, worst.replace(gateway, direct), token);
            measure("scoring directly: leaderboard improved", http, improved.replace(gateway, direct), token);
        }
    }

    /** @param credential a bearer API key for the gateway, the internal token for a service */
    private static void measure(String what, HttpClient http, String url, String credential) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            get(http, url, credential);
        }
        long[] millis = new long[RUNS];
        long bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            bytes = get(http, url, credential).length;
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        LOG.infof("BENCHMARK %s: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%d runs, %d bytes a response)", what,
                millis[RUNS / 2 - 1], millis[(int) Math.ceil(RUNS * 0.95) - 1],
                millis[(int) Math.ceil(RUNS * 0.99) - 1], millis[RUNS - 1], RUNS, bytes);
    }

    private static byte[] get(HttpClient http, String url, String credential) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (credential.startsWith("Bearer ")) {
            request.header("Authorization", credential);
        } else {
            request.header("X-DebtWatch-Internal-Token", credential);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> url + ": " + new String(response.body()));
        return response.body();
    }
}
