package io.debtwatch.analysis;

import static io.restassured.RestAssured.given;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GeneratedHistory;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.types.ObjectId;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput benchmark, not a timed test: it asserts nothing about speed. It sends the first-parent
 * history of a repository (a generated one, or {@code -Dbenchmark.repo=<local clone>}) to
 * {@code debtwatch.commits} as one backfill, waits for every analysis on {@code debtwatch.analyses},
 * and reports commits per second, median and p99 analysis time per commit, and the blob cache hit
 * rate. Run: see docs/benchmarks.md.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class AnalysisBenchmark {

    private static final Logger LOG = Logger.getLogger(AnalysisBenchmark.class);

    @Inject
    MongoClient mongo;

    @Test
    void backfillThroughput() throws Exception {
        int commits = Integer.getInteger("benchmark.commits", 2000);
        String given = System.getProperty("benchmark.repo");
        Path repo = given == null || given.isBlank()
                ? GeneratedHistory.generate(Files.createTempDirectory("benchmark-repo"), commits) : Path.of(given);
        String repoId = new ObjectId().toHexString();
        List<CommitDiscovered> history = firstParentHistory(repo, repoId, commits);
        long started = System.nanoTime();
        try (TopicReader analyses = new TopicReader(Commits.kafka(), Topics.ANALYSES)) {
            // the root commit is a full walk with a cold JIT; the figures after it are the steady state
            sendAll(history.subList(0, 1));
            analyses.await(1, r -> repoId.equals(r.key()), Duration.ofMinutes(10));
            double first = (System.nanoTime() - started) / 1e9;
            double[] cacheBefore = blobCache();
            double[] handlingBefore = handling();
            long processCpuBefore = processCpuNanos();
            long workerCpuBefore = workerCpuNanos();
            long rest = System.nanoTime();
            sendAll(history.subList(1, history.size()));
            int seen = 1 + analyses.await(history.size() - 1, r -> repoId.equals(r.key()), Duration.ofMinutes(30)).size();
            double seconds = (System.nanoTime() - started) / 1e9;
            double steady = (System.nanoTime() - rest) / 1e9;
            double[] cacheAfter = blobCache();
            double[] handlingAfter = handling();
            int after = seen - 1;
            report(repo, history.size(), seen, seconds, durations(repoId), cacheBefore, cacheAfter);
            LOG.infof("first commit (full walk): %.1f s; the %d after it: %.1f s, %.1f commits/s", first, after, steady,
                    after / steady);
            LOG.infof("mean handling per message after the first (read, analyse, store, publish): %.2f ms",
                    1000 * (handlingAfter[0] - handlingBefore[0]) / Math.max(1, handlingAfter[1] - handlingBefore[1]));
            // CPU time barely depends on what else runs on the machine, unlike the wall-clock figures
            LOG.infof("CPU per commit after the first: %.2f ms in the worker threads, %.2f ms in the whole JVM "
                    + "(service, broker, wire server, this benchmark)", (workerCpuNanos() - workerCpuBefore) / 1e6 / after,
                    (processCpuNanos() - processCpuBefore) / 1e6 / after);
        }
    }

    private void report(Path repo, int sent, int seen, double seconds, List<Double> millis, double[] before,
            double[] after) throws IOException {
        double hits = after[0] - before[0];
        double misses = after[1] - before[1];
        double carried = after[2] - before[2];
        String text = String.format(java.util.Locale.ROOT, """
                repository: %s
                commits sent: %d, analyses received: %d
                wall time: %.1f s, throughput: %.1f commits/s (Kafka in to Kafka out)
                analysis time per commit: median %.2f ms, p99 %.2f ms, max %.2f ms
                blob cache: %.0f hits, %.0f misses, hit rate %.1f %%; %.0f results carried from the parent
                file results reused (carried or cache hits) without analysing: %.1f %%
                """, repo, sent, seen, seconds, seen / seconds, percentile(millis, 0.5), percentile(millis, 0.99),
                millis.isEmpty() ? 0 : millis.get(millis.size() - 1), hits, misses, 100 * hits / Math.max(1, hits + misses),
                carried, 100 * (hits + carried) / Math.max(1, hits + carried + misses));
        Files.writeString(Path.of("target", "benchmark-analysis.txt"), text);
        LOG.info("\n" + text);
    }

    private List<Double> durations(String repoId) {
        List<Double> result = new ArrayList<>();
        mongo.getDatabase("debtwatch_analysis").getCollection("analyses").find(Filters.eq("repoId", repoId))
                .forEach(d -> result.add(d.get("durationMillis", Number.class).doubleValue()));
        Collections.sort(result);
        return result;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the threads that run the blocking consumer (Quarkus' worker pool). */
    private static long workerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("executor-thread")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static double[] blobCache() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return new double[] { counter(metrics, "hit"), counter(metrics, "miss"), counter(metrics, "carried") };
    }

    private static double[] handling() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return new double[] { metric(metrics, "debtwatch_analysis_message_seconds_sum"),
                metric(metrics, "debtwatch_analysis_message_seconds_count") };
    }

    private static double metric(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.E+]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }

    private static double counter(String metrics, String result) {
        Matcher m = Pattern.compile("debtwatch_analysis_blob_cache_total\\{[^}]*result=\"" + result
                + "\"[^}]*\\} ([0-9.E+]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void sendAll(List<CommitDiscovered> history) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", Commits.kafka());
        props.put("linger.ms", "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (CommitDiscovered commit : history) {
                producer.send(new ProducerRecord<>(Topics.COMMITS, commit.repoId(), EventJson.write(commit)));
            }
            producer.flush();
        }
    }

    private static List<CommitDiscovered> firstParentHistory(Path dir, String repoId, int limit) throws IOException {
        List<RevCommit> chain = new ArrayList<>();
        try (Git git = Git.open(dir.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            Repository repository = git.getRepository();
            RevCommit commit = walk.parseCommit(repository.resolve("HEAD"));
            while (commit != null && chain.size() < limit) {
                chain.add(commit);
                commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            }
        }
        Collections.reverse(chain);
        List<CommitDiscovered> result = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            CommitDiscovered c = Commits.discovered(repoId, dir.toString(), chain.get(i), i + 1);
            result.add(new CommitDiscovered(c.eventId(), c.repoId(), c.org(), c.team(), c.repoUrl(), c.branch(),
                    c.sha(), c.parents(), c.authorName(), c.committedAt(), c.message(), c.changedFiles(),
                    c.changedFilesOverflow(), true, c.depth()));
        }
        return result;
    }
}
