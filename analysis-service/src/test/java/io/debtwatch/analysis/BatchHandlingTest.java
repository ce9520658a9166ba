package io.debtwatch.analysis;

import static io.debtwatch.analysis.Commits.discovered;
import static io.debtwatch.analysis.Commits.kafka;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.debtwatch.analysis.service.CommitAnalysisService;
import io.debtwatch.analysis.service.CommitAnalysisService.Outcome;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.FindingSummary;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.types.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/**
 * The commits of one poll are analysed and stored together; a message of the poll that fails goes
 * alone to the dead-letter topic, and a poll interrupted by a crash comes again with the same analyses.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class BatchHandlingTest {

    @Inject
    CommitAnalysisService analysis;

    @Inject
    MongoClient mongo;

    @Test
    void poisonMessagesInTheMiddleOfAPollGoAloneToTheDeadLetterTopic() throws Exception {
        String repoId = new ObjectId().toHexString();
        try (GitFixture repo = GitFixture.init(Files.createTempDirectory("batch-poison"));
                TopicReader deadLetters = new TopicReader(kafka(), Topics.deadLetter(Topics.COMMITS));
                TopicReader analyses = new TopicReader(kafka(), Topics.ANALYSES)) {
            RevCommit first = repo.write("app.py", "print('hello')\n").commit("first");
            RevCommit second = repo.write("names.py", "names = []  # TODO: load the names\n").commit("second");
            CommitDiscovered missing = discovered(repoId, repo.fileUrl(), second, 3);
            String unknownSha = "0123456789012345678901234567890123456789";
            missing = new CommitDiscovered(EventIds.commit(repoId, unknownSha), repoId, missing.org(), missing.team(),
                    missing.repoUrl(), missing.branch(), unknownSha, List.of(second.name()), missing.authorName(),
                    missing.committedAt(), "not in the repository", List.of(), false, false, 3);

            sendTogether(repoId, List.of(EventJson.write(discovered(repoId, repo.fileUrl(), first, 1)),
                    "{\"eventId\": 42, \"oops\"", EventJson.write(missing),
                    EventJson.write(discovered(repoId, repo.fileUrl(), second, 2))));

            List<ConsumerRecord<String, String>> analysed = analyses.await(2, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(90));
            assertEquals(List.of(first.name(), second.name()), analysed.stream()
                    .map(r -> EventJson.read(r.value(), CommitAnalyzed.class).sha()).toList(), "in order, both");
            CommitAnalyzed child = EventJson.read(analysed.get(1).value(), CommitAnalyzed.class);
            assertEquals(List.of("names.py"), child.newFindings().stream().map(FindingSummary::path).distinct().toList(),
                    "new against its parent, analysed just before it in the same poll: " + child.newFindings());
            assertTrue(child.newFindings().stream().anyMatch(f -> f.indicatorId().equals("satd.todo")));
            List<ConsumerRecord<String, String>> dead = deadLetters.await(2, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(60));
            assertEquals(2, dead.size(), "only the two poison messages");
            assertTrue(header(dead.get(0), "dead-letter-reason").contains("CommitDiscovered"));
            assertEquals("{\"eventId\": 42, \"oops\"", dead.get(0).value());
            assertTrue(header(dead.get(1), "dead-letter-reason").contains(unknownSha), header(dead.get(1),
                    "dead-letter-reason"));
            assertEquals(Topics.COMMITS, header(dead.get(1), "dead-letter-topic"));
            assertEquals(EventJson.write(missing), dead.get(1).value());
        }
    }

    @Test
    void aPollInterruptedByACrashComesAgainWithTheSameAnalyses() throws Exception {
        String repoId = new ObjectId().toHexString();
        List<CommitDiscovered> history = new ArrayList<>();
        try (GitFixture repo = GitFixture.init(Files.createTempDirectory("batch-crash"))) {
            for (int i = 1; i <= 5; i++) {
                RevCommit commit = repo.write("src/app" + i + ".py", "print(" + i + ")  # TODO tidy\n")
                        .commit("step " + i);
                history.add(discovered(repoId, repo.fileUrl(), commit, i));
            }
        }
        // a worker analyses and stores the first three, then stops before publishing or committing
        Map<String, String> beforeTheCrash = new HashMap<>();
        for (Outcome outcome : analysis.analyzeAll(history.subList(0, 3))) {
            assertNull(outcome.failure());
            beforeTheCrash.put(outcome.analysis().eventId(), EventJson.write(outcome.analysis()));
        }

        try (TopicReader analyses = new TopicReader(kafka(), Topics.ANALYSES)) {
            sendTogether(repoId, history.stream().map(EventJson::write).toList());
            List<ConsumerRecord<String, String>> published = analyses.await(5, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(90));
            assertEquals(5, published.size());
            for (ConsumerRecord<String, String> r : published) {
                String eventId = EventJson.read(r.value(), CommitAnalyzed.class).eventId();
                if (beforeTheCrash.containsKey(eventId)) {
                    assertEquals(beforeTheCrash.get(eventId), r.value(), "the analysis stored before the crash");
                }
            }
            assertEquals(history.stream().map(CommitDiscovered::sha).toList(), published.stream()
                    .map(r -> EventJson.read(r.value(), CommitAnalyzed.class).sha()).toList());
        }
        assertEquals(5, mongo.getDatabase("debtwatch_analysis").getCollection("analyses")
                .countDocuments(Filters.eq("repoId", repoId)), "one stored analysis per commit");
    }

    /** One producer, one flush: the messages reach the partition together, so one poll usually takes them all. */
    private static void sendTogether(String key, List<String> values) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka());
        props.put("linger.ms", "50");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            values.forEach(v -> producer.send(new ProducerRecord<>(Topics.COMMITS, key, v)));
            producer.flush();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
