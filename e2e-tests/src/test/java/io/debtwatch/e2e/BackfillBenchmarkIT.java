package io.debtwatch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.debtwatch.cli.up.Platform;
import io.debtwatch.cli.up.PlatformPorts;
import io.debtwatch.testsupport.GeneratedHistory;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's speed benchmark: a generated repository of ordinary commits (or the local clone named by
 * {@code -Dbenchmark.repo}) registered through the
 * gateway with {@code backfill: all}, timed from registration until scoring has stored the score of
 * every commit, through ingest, {@code debtwatch.commits}, analysis, {@code debtwatch.analyses} and
 * scoring, all as processes on this machine. It prints commits per second, median and p99 analysis
 * time per commit (as the analysis service stored them) and the blob cache hit rate (its metrics),
 * and asserts nothing about speed. Run: see docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class BackfillBenchmarkIT {


    /** A generated history, packed as a hosted repository is: a clone then reuses its deltas instead of
     *  compressing the generator's loose objects in the timed part. */
    private Path generatedRepository() throws GitAPIException, IOException {
        Path repo = GeneratedHistory.generate(work.resolve("repo"), COMMITS);
        try (Git git = Git.open(repo.toFile())) {
            git.gc().call();
        }
        return repo;
    }
    private static final Logger LOG = Logger.getLogger(BackfillBenchmarkIT.class);
    private static final int COMMITS = Integer.getInteger("benchmark.commits", 3000);

    /** Commits on the first-parent chain of the repository under test: what the backfill emits. */
    private int commits;

    @TempDir
    Path work;

    @Test
    void backfillThroughIngestAnalysisAndScoring() throws Exception {
        long generating = System.nanoTime();
        String given = System.getProperty("benchmark.repo", "");
        Path repo = given.isBlank() ? generatedRepository() : Path.of(given).toAbsolutePath();
        double generated = (System.nanoTime() - generating) / 1e9;
        String tip;
        String last;
        try (Git git = Git.open(repo.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit head = walk.parseCommit(git.getRepository().resolve(Constants.HEAD));
            tip = head.name();
            last = head.getParent(0).name();
            walk.setFirstParent(true);
            walk.markStart(head);
            commits = 0;
            walk.forEach(c -> commits++);
        }
        PlatformPorts ports = RunningPlatform.randomPorts();
        try (RunningPlatform platform = RunningPlatform.start(work.resolve("data"), ports);
                MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + ports.mongo())) {
            String key = "Bearer " + platform.adminKey();
            String analysisUrl = "http://127.0.0.1:" + ports.analysis();
            double settled = settle();
            double[] cacheBefore = blobCache(analysisUrl);
            String loadBefore = loadAverage();
            Map<String, Duration> cpuBefore = platformCpu();

            // the test's own client: its first POST with a JSON body and its first JSON path (a Groovy
            // expression, compiled on first use) cost the test JVM about two seconds that are not the
            // platform's; a POST the analysis service turns away (its health check is GET only) and a path read
            // from its health warm both without touching the registration path
            given().baseUri(analysisUrl).contentType(ContentType.JSON).body("{}").post("/q/health/live");
            given().baseUri(analysisUrl).get("/q/health/live").then().extract().path("status");
            long started = System.nanoTime();
            String id = given().baseUri(platform.gatewayUrl()).header("Authorization", key)
                    .contentType(ContentType.JSON).body("{\"url\": \"" + repo + "\", \"team\": \"bench\", "
                            + "\"pollIntervalSeconds\": 86400, \"backfill\": {\"policy\": \"all\"}}")
                    .post("/api/v1/orgs/acme/repositories").then().statusCode(201).extract().path("id");
            long registered = System.nanoTime();
            MongoDatabase analysis = mongo.getDatabase("debtwatch_analysis");
            MongoDatabase scoring = mongo.getDatabase("debtwatch_scoring");
            long[] analysedAt = { 0 };
            long[] tipAnalysedAt = { 0 };
            long[] tipEmittedAt = { 0 };
            double[] tipMillis = { 0 };
            String tipId = id + ":" + tip + ":1.0.0";
            // a backfill sends the tip, then the rest oldest first, and each partition is handled in order,
            // so the tip's parent is analysed and scored last; it is looked up by _id, the one lookup the
            // wire server serves from an index (counting on every poll would scan the collections and load it)
            String lastId = id + ":" + last + ":1.0.0";
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                if (tipEmittedAt[0] == 0 && given().baseUri(platform.gatewayUrl()).header("Authorization", key)
                        .get("/api/v1/orgs/acme/repositories/" + id).then().extract()
                        .<Integer>path("sync.backfill.emitted") > 0) {
                    tipEmittedAt[0] = System.nanoTime();
                }
                if (tipAnalysedAt[0] == 0) {
                    Document tipAnalysis = analysis.getCollection("analyses").find(Filters.eq("_id", tipId)).first();
                    if (tipAnalysis != null) {
                        tipAnalysedAt[0] = System.nanoTime();
                        tipMillis[0] = tipAnalysis.get("durationMillis", Number.class).doubleValue();
                    }
                }
                if (analysedAt[0] == 0 && analysis.getCollection("analyses").find(Filters.eq("_id", lastId))
                        .first() != null) {
                    analysedAt[0] = System.nanoTime();
                }
                return scoring.getCollection("score_completions").find(Filters.eq("_id", lastId)).first() != null;
            });
            long scoredAt = System.nanoTime();
            Map<String, Duration> cpuAfter = platformCpu();
            String loadAfter = loadAverage();
            assertEquals(commits, analysis.getCollection("analyses").countDocuments(Filters.eq("repoId", id)));
            assertEquals(commits, scoring.getCollection("scores").countDocuments(Filters.eq("repoId", id)));
            assertEquals(commits, scoring.getCollection("score_completions").countDocuments(Filters.eq("repoId", id)));

            given().baseUri(platform.gatewayUrl()).header("Authorization", key)
                    .get("/api/v1/orgs/acme/repositories/" + id + "/score").then().statusCode(200)
                    .body("sha", equalTo(tip));
            double[] cacheAfter = blobCache(analysisUrl);
            double syncSeconds = metric(metrics("http://127.0.0.1:" + ports.ingest()),
                    "debtwatch_ingest_sync_duration_seconds_sum(\\{[^}]*\\})?");
            report(given.isBlank() ? "generated" : repo.toString(), generated, settled, new FirstCommit(registered - started,
                    syncSeconds, tipEmittedAt[0] - started, tipAnalysedAt[0] - started, tipMillis[0]), (analysedAt[0] == 0 ? scoredAt : analysedAt[0]) - started,
                    scoredAt - started,
                    durations(analysis, id), cacheAfter[0] - cacheBefore[0], cacheAfter[1] - cacheBefore[1], cacheAfter[2] - cacheBefore[2],
                    handlingMillis(analysisUrl), loadBefore, loadAfter, cpuPerCommit(cpuBefore, cpuAfter));
            keepLogs(platform.logDir());
        }
    }

    /** Copies the platform's logs to {@code target/benchmark-backfill-logs}: the temporary data folder goes with the test. */
    private static void keepLogs(Path logDir) throws IOException {
        Path kept = Path.of("target", "benchmark-backfill-logs");
        Files.createDirectories(kept);
        try (Stream<Path> logs = Files.list(logDir)) {
            for (Path log : logs.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Waits until the platform is idle, as a platform that has been running is: its JVMs keep compiling and
     * joining consumer groups for some seconds after they report ready, which is start-up, not the work
     * measured. Idle means under a tenth of a core over a second, at most 30 s.
     *
     * @return the seconds waited
     */
    private static double settle() throws InterruptedException {
        long waiting = System.nanoTime();
        double total = sum(platformCpu());
        for (int second = 0; second < 30; second++) {
            Thread.sleep(1000);
            double now = sum(platformCpu());
            if (now - total < 0.1) {
                break;
            }
            total = now;
        }
        return (System.nanoTime() - waiting) / 1e9;
    }

    private static double sum(Map<String, Duration> cpu) {
        return cpu.values().stream().mapToLong(Duration::toNanos).sum() / 1e9;
    }

    /** CPU time so far of each process of the platform (the test JVM's descendants), by what it runs. */
    private static Map<String, Duration> platformCpu() {
        Map<String, Duration> cpu = new TreeMap<>();
        ProcessHandle.current().descendants().forEach(p -> {
            String args = commandLine(p);
            Matcher service = Pattern.compile("([a-z-]+)/target/quarkus-app").matcher(args);
            String name = service.find() ? service.group(1) : args.contains("MongoWireServerMain") ? "mongodb-wire-server"
                    : args.contains("KafkaBrokerMain") ? "kafka-broker" : null;
            if (name != null) {
                cpu.merge(name, p.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
            }
        });
        return cpu;
    }

    /** From /proc where there is one: the JDK leaves out the arguments of a long command line (the brokers' class path). */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return String.join(" ", process.info().arguments().orElse(new String[0]));
        }
    }

    private String cpuPerCommit(Map<String, Duration> before, Map<String, Duration> after) {
        StringBuilder text = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Duration> process : after.entrySet()) {
            double millis = process.getValue().minus(before.getOrDefault(process.getKey(), Duration.ZERO)).toNanos()
                    / 1e6 / commits;
            total += millis;
            text.append(String.format(Locale.ROOT, "%s %.1f, ", process.getKey(), millis));
        }
        return text.append(String.format(Locale.ROOT, "all %.1f", total)).toString();
    }

    /**
     * @param registeredNanos the registration call (the URL's probe included)
     * @param syncSeconds     ingest's first sync: the fetch into its mirror and the backfill's plan
     * @param emittedNanos    registration until ingest had emitted the tip (the clone, the backfill plan)
     * @param analysedNanos   registration until the tip's analysis was stored
     * @param millis          the tip's own analysis time
     */
    private record FirstCommit(long registeredNanos, double syncSeconds, long emittedNanos, long analysedNanos,
            double millis) {
    }

    private void report(String repository, double generated, double settled, FirstCommit first, long analysedNanos, long scoredNanos, List<Double> millis,
            double hits, double misses, double carried, double handling, String loadBefore, String loadAfter,
            String cpu) throws Exception {
        double analysed = analysedNanos / 1e9;
        double scored = scoredNanos / 1e9;
        double tipAnalysed = first.analysedNanos() / 1e9;
        String text = String.format(Locale.ROOT, """
                repository: %s, %d commits on its first-parent chain (generated in %.1f s); the platform was idle %.0f s after it reported ready
                registration to every analysis stored: %.1f s (%.1f commits/s)
                registration to every score stored: %.1f s, throughput end to end: %.1f commits/s
                registration to the tip's analysis (the first commit, polled every quarter second): %.1f s (the registration call took %.1f s, ingest's first sync %.1f s, and it had emitted the tip after %.1f s; the tip's analysis took %.1f s); the %d commits after it: %.1f commits/s
                analysis time per commit: median %.2f ms, p99 %.2f ms, max %.2f ms
                mean handling per commit message in the analysis service: %.2f ms
                blob cache: %.0f hits, %.0f misses, hit rate %.1f %%; %.0f results carried from the parent
                file results reused (carried or cache hits) without analysing: %.1f %%
                CPU per commit from registration to the last score, ms: %s
                load average before: %s, after: %s
                JVM options of the platform's processes: %s
                """, repository, commits, generated, settled, analysed, commits / analysed, scored, commits / scored,
                tipAnalysed, first.registeredNanos() / 1e9, first.syncSeconds(), first.emittedNanos() / 1e9,
                first.millis() / 1000, commits - 1,
                (commits - 1) / (scored - tipAnalysed),
                percentile(millis, 0.5), percentile(millis, 0.99), millis.isEmpty() ? 0 : millis.get(millis.size() - 1),
                handling, hits, misses, 100 * hits / Math.max(1, hits + misses), carried,
                100 * (hits + carried) / Math.max(1, hits + carried + misses), cpu, loadBefore, loadAfter,
                System.getProperty("debtwatch.jvm-options", Platform.DEFAULT_JVM_OPTIONS));
        Files.writeString(Path.of("target", "benchmark-backfill.txt"), text);
        LOG.info("\n" + text);
    }

    private static List<Double> durations(MongoDatabase analysis, String repoId) {
        List<Double> result = new ArrayList<>();
        // only the field read: the wire server answers in one reply, which the whole analyses would overflow
        analysis.getCollection("analyses").find(Filters.eq("repoId", repoId))
                .projection(Projections.include("durationMillis")).forEach(d -> result.add(d.get("durationMillis", Number.class).doubleValue()));
        Collections.sort(result);
        return result;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static double[] blobCache(String analysisUrl) {
        String metrics = metrics(analysisUrl);
        return new double[] { metric(metrics, "debtwatch_analysis_blob_cache_total\\{[^}]*result=\"hit\"[^}]*\\}"),
                metric(metrics, "debtwatch_analysis_blob_cache_total\\{[^}]*result=\"miss\"[^}]*\\}"),
                metric(metrics, "debtwatch_analysis_blob_cache_total\\{[^}]*result=\"carried\"[^}]*\\}") };
    }

    private static double handlingMillis(String analysisUrl) {
        String metrics = metrics(analysisUrl);
        return 1000 * metric(metrics, "debtwatch_analysis_message_seconds_sum(\\{[^}]*\\})?")
                / Math.max(1, metric(metrics, "debtwatch_analysis_message_seconds_count(\\{[^}]*\\})?"));
    }

    private static String metrics(String baseUrl) {
        return given().baseUri(baseUrl).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double metric(String metrics, String pattern) {
        Matcher m = Pattern.compile("(?m)^" + pattern + " (?<value>[0-9.E+-]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group("value")) : 0;
    }

    private static String loadAverage() throws Exception {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }
}
