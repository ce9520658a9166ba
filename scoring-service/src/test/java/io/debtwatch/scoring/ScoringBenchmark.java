package io.debtwatch.scoring;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.debtwatch.events.CategoryTotal;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.FindingSummary;
import io.debtwatch.events.IndicatorTotal;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of the scoring consumer alone, not a timed test: it asserts nothing about speed. It
 * publishes the analyses of one repository's history as a backfill arrives (the tip, then the rest oldest first), and
 * times until every score is stored and complete; it counts the MongoDB commands the service sent
 * per analysis. Run: see docs/benchmarks.md, "Scoring consumer".
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ScoringBenchmark {

    private static final Logger LOG = Logger.getLogger(ScoringBenchmark.class);
    private static final String[] INDICATORS = {"satd.todo", "error-handling.empty-catch", "observability.print",
        "config.localhost-url"};
    private static final Set<String> SCORING = Set.of("scores", "repositories", "current_scores", "daily_points",
            "rollup_months", "repository_timelines", "score_event_outbox", "score_completions", "org_timelines");
    private static final String[] PATHS = {"src/main/java/bench/m%d/Service%d.java", "app/pkg%d/module_%d.py",
        "web/src/c%d/widget%d.js"};

    @Test
    void backfillTipFirstThenOldestFirst() throws Exception {
        int commits = Integer.getInteger("benchmark.commits", 3000);
        String repoId = new ObjectId().toHexString();
        List<CommitAnalyzed> history = history(repoId, commits);
        // the probe has a client of its own, so the counted commands are the service's alone
        MongoClient probe = MongoClients.create(MongoTestResource.server().connectionString());
        MongoCollection<Document> completions = probe.getDatabase("debtwatch_scoring").getCollection("score_completions");
        String last = history.get(history.size() - 1).eventId();
        Commands.reset();
        double cpuBefore = cpuSeconds();
        String loadBefore = load();
        long started = System.nanoTime();
        Analyses.sendTogether(history.stream().map(a -> Map.entry(a.repoId(), EventJson.write(a))).toList());
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!complete(completions, last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = cpuSeconds() - cpuBefore;
        Map<String, Long> commands = Commands.snapshot();
        long stored = completions.countDocuments(Filters.eq("repoId", repoId));
        long total = commands.entrySet().stream().filter(e -> SCORING.contains(e.getKey().split(" ")[1]))
                .mapToLong(Map.Entry::getValue).sum();
        probe.close();
        String text = String.format(Locale.ROOT, """
                analyses sent: %d (one repository, the tip then oldest first, one commit an hour), scores complete: %d
                wall time: %.1f s, throughput: %.1f analyses/s (first send to last score complete)
                CPU of the JVM (service, broker and wire server): %.1f s, %.2f ms per analysis
                MongoDB commands on the collections scoring writes: %d, %.2f per analysis
                all commands of the service by name and collection (webhook and outbox polling included): %s
                load average before: %s, after: %s
                """, history.size(), stored, seconds, history.size() / seconds, cpu, 1000 * cpu / history.size(),
                total, (double) total / history.size(), commands, loadBefore, load());
        Files.writeString(Path.of("target", "benchmark-scoring.txt"), text);
        LOG.info("\n" + text);
    }

    /** The analyses of a generated history in a backfill's order (the tip, then oldest first), like {@code GeneratedHistory}'s. */
    static List<CommitAnalyzed> history(String repoId, int commits) {
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-05T10:00:00Z");
        List<CommitAnalyzed> all = new ArrayList<>();
        int[] counts = {110, 30, 95, 12};
        for (int depth = 1; depth <= commits; depth++) {
            for (int k = 0; k < counts.length; k++) {
                counts[k] = Math.max(0, counts[k] + random.nextInt(5) - 2);
            }
            all.add(analysis(repoId, depth, start.plusSeconds(3600L * (depth - 1)), counts, random));
        }
        all.add(0, all.remove(all.size() - 1));
        return all;
    }

    private static CommitAnalyzed analysis(String repoId, int depth, Instant at, int[] counts, Random random) {
        String sha = sha(repoId, depth);
        Map<String, IndicatorTotal> indicators = new TreeMap<>();
        Map<String, CategoryTotal> categories = new TreeMap<>();
        for (int k = 0; k < INDICATORS.length; k++) {
            String category = INDICATORS[k].substring(0, INDICATORS[k].indexOf('.'));
            indicators.put(INDICATORS[k], new IndicatorTotal(category, counts[k], counts[k] * 15L));
            categories.merge(category, new CategoryTotal(counts[k], counts[k] * 15L),
                    (a, b) -> new CategoryTotal(a.count() + b.count(), a.remediationMinutes() + b.remediationMinutes()));
        }
        Map<String, Boolean> checks = Map.of("readme", true, "ci", false, "tests", false, "logging", false,
                "health-endpoint", false, "dockerfile", false);
        List<FindingSummary> top = findings(random, 50, at);
        List<FindingSummary> fresh = findings(random, 1 + random.nextInt(3), at);
        List<FindingSummary> fixed = findings(random, random.nextInt(3), at);
        return new CommitAnalyzed(EventIds.analysis(repoId, sha, "1.0.0"), repoId, "bench", "core", "main", sha,
                depth == 1 ? List.of() : List.of(sha(repoId, depth - 1)), at, depth, true, "1.0.0", at,
                Map.of("java", 3200 + depth % 97, "python", 2700, "javascript", 2650), 0, indicators, categories,
                checks, fresh, fresh.size(), fixed, fixed.size(), top, 241, 0);
    }

    private static List<FindingSummary> findings(Random random, int n, Instant at) {
        List<FindingSummary> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int file = random.nextInt(240);
            String path = String.format(Locale.ROOT, PATHS[file % 3], file % 12, file);
            String indicator = INDICATORS[random.nextInt(INDICATORS.length)];
            list.add(new FindingSummary(Long.toHexString(random.nextLong()), indicator,
                    indicator.substring(0, indicator.indexOf('.')), "minor", path, 1 + random.nextInt(60),
                    "a finding of " + indicator, 15, at));
        }
        return list;
    }

    private static String sha(String repoId, long depth) {
        return String.format("%040x", (repoId.hashCode() & 0xffffffL) * 1_000_000L + depth);
    }

    private static boolean complete(MongoCollection<Document> completions, String id) {
        return completions.find(Filters.eq("_id", id)).first() != null;
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    /**
     * Counts the commands the service's MongoDB client sends, by name; Quarkus registers every
     * {@link CommandListener} bean with the client. The benchmark's own probe (a find by _id every
     * 100 ms) goes through the same client and is counted too.
     */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Commands implements CommandListener {

        private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if ("debtwatch_scoring".equals(event.getDatabaseName())) {
                org.bson.BsonValue collection = event.getCommand().get(event.getCommandName());
                String key = event.getCommandName() + " " + (collection != null && collection.isString()
                        ? collection.asString().getValue() : "-");
                COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
            }
        }

        static void reset() {
            COUNTS.clear();
        }

        static Map<String, Long> snapshot() {
            Map<String, Long> all = new TreeMap<>();
            COUNTS.forEach((k, v) -> all.put(k, v.sum()));
            return all;
        }
    }
}
