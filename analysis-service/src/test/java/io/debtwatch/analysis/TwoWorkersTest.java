package io.debtwatch.analysis;

import static io.debtwatch.analysis.Commits.discovered;
import static io.debtwatch.analysis.Commits.kafka;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.debtwatch.analysis.messaging.CommitConsumer;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.bson.types.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/**
 * Two workers in the consumer group {@code debtwatch-analysis}: the service's own consumer and a
 * second Kafka consumer in the same group running the same handler. The second stops mid-stream
 * without committing its last commit, as a crashed worker would; its partitions move to the first,
 * and every commit ends with exactly one analysis, however often it was published.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class TwoWorkersTest {

    private static final int REPOSITORIES = 8;
    private static final int COMMITS_EACH = 5;
    private static final int SECOND_WORKER_STOPS_AFTER = 6;

    @Inject
    CommitConsumer handler;

    @Inject
    MongoClient mongo;

    @Test
    void theWorkSplitsAndNothingIsLostOrDoubledWhenOneWorkerStops() throws Exception {
        KafkaConsumer<String, String> second = secondWorker();
        List<String> repoIds = repositoriesOnEveryPartition(second.partitionsFor(Topics.COMMITS).size());
        List<List<CommitDiscovered>> histories = new ArrayList<>();
        for (String repoId : repoIds) {
            histories.add(history(repoId));
        }
        awaitAssignment(second);
        CompletableFuture<Set<String>> secondDid = CompletableFuture
                .supplyAsync(() -> runUntilStopped(second, repoIds));
        for (int i = 0; i < COMMITS_EACH; i++) {
            for (List<CommitDiscovered> history : histories) {
                Commits.send(history.get(i));
            }
        }
        Set<String> byTheSecond = secondDid.get(120, TimeUnit.SECONDS);

        Set<String> expected = new HashSet<>();
        histories.forEach(h -> h.forEach(c -> expected.add(EventIds.analysis(c.repoId(), c.sha(), "1.0.0"))));
        Map<String, String> published = new HashMap<>();
        try (TopicReader analyses = new TopicReader(kafka(), Topics.ANALYSES)) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (published.size() < expected.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : analyses.await(1, r -> repoIds.contains(r.key()),
                        Duration.ofSeconds(2))) {
                    seen.add(r);
                    String eventId = EventJson.read(r.value(), CommitAnalyzed.class).eventId();
                    String before = published.putIfAbsent(eventId, r.value());
                    assertTrue(before == null || before.equals(r.value()), "a second, different analysis of " + eventId);
                }
            }
        }
        assertEquals(expected, published.keySet(), "every commit analysed, none lost");
        assertEquals(SECOND_WORKER_STOPS_AFTER, byTheSecond.size(), "the second worker took its share");
        assertTrue(byTheSecond.size() < expected.size(), "the first worker took the rest");
        assertEquals(expected.size(), mongo.getDatabase("debtwatch_analysis").getCollection("analyses")
                .countDocuments(Filters.in("repoId", repoIds)), "one stored analysis per commit");
    }

    private Set<String> runUntilStopped(KafkaConsumer<String, String> second, List<String> repoIds) {
        Set<String> handled = new HashSet<>();
        try (second) {
            while (handled.size() < SECOND_WORKER_STOPS_AFTER) {
                for (ConsumerRecord<String, String> record : second.poll(Duration.ofMillis(200))) {
                    if (repoIds.contains(record.key())) {
                        handler.consume(record.value());
                        handled.add(EventJson.read(record.value(), CommitDiscovered.class).eventId());
                        if (handled.size() == SECOND_WORKER_STOPS_AFTER) {
                            return handled;
                        }
                    }
                    commit(second, record);
                }
            }
        }
        return handled;
    }

    private static KafkaConsumer<String, String> secondWorker() {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka());
        props.put("group.id", "debtwatch-analysis");
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        props.put("max.poll.records", "1");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(Topics.COMMITS));
        return consumer;
    }

    /**
     * Joining the group moves partitions; wait until this worker holds some before sending. What an
     * earlier test left on its partitions is another repository's, already analysed: passed over.
     */
    private static void awaitAssignment(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(r -> commit(consumer, r));
        }
        assertTrue(!consumer.assignment().isEmpty(), "the second worker joined the group");
    }

    private static void commit(KafkaConsumer<String, String> consumer, ConsumerRecord<String, String> record) {
        consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1)));
    }

    private static List<String> repositoriesOnEveryPartition(int partitions) {
        List<String> ids = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        while (ids.size() < REPOSITORIES || covered.size() < partitions) {
            String id = new ObjectId().toHexString();
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
            if (covered.add(partition) || ids.size() < REPOSITORIES - partitions + covered.size()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static List<CommitDiscovered> history(String repoId) throws Exception {
        List<CommitDiscovered> commits = new ArrayList<>();
        GitFixture repo = GitFixture.init(Files.createTempDirectory("worker"));
        for (int i = 1; i <= COMMITS_EACH; i++) {
            RevCommit commit = repo.write("src/app" + i + ".py", "print(" + i + ")  # TODO tidy\n").commit("step " + i);
            commits.add(discovered(repoId, repo.fileUrl(), commit, i));
        }
        repo.close();
        return commits;
    }
}
