package io.debtwatch.analysis;

import static io.debtwatch.analysis.Commits.discovered;
import static io.debtwatch.analysis.Commits.kafka;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.events.CloudEventHeaders;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.FindingSummary;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.types.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class CommitConsumerTest {

    @Test
    void aCommitIsAnalysedOnceWithItsNewFindingsAgainstItsParent() throws Exception {
        String repoId = new ObjectId().toHexString();
        try (GitFixture repo = GitFixture.init(Files.createTempDirectory("analysis"));
                TopicReader analyses = new TopicReader(kafka(), Topics.ANALYSES)) {
            repo.write("README.md", "# shop\n").write("src/main/java/shop/Orders.java", """
                    package shop;
                    // TODO: paginate
                    class Orders {
                    }
                    """).commit("import");
            repo.write("src/main/java/shop/Orders.java", """
                    package shop;
                    // TODO: paginate
                    class Orders {
                        void save() {
                            try { write(); } catch (Exception e) { }
                        }
                    }
                    """).write("src/test/java/shop/OrdersTest.java", "class OrdersTest { // TODO more\n}\n");
            RevCommit second = repo.commit("wip: save orders");

            TopicReader.send(kafka(), Topics.COMMITS, repoId,
                    EventJson.write(discovered(repoId, repo.dir().toString(), second, 2)));
            List<ConsumerRecord<String, String>> seen = analyses.await(1, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(60));
            assertEquals(1, seen.size());
            CommitAnalyzed analysis = EventJson.read(seen.get(0).value(), CommitAnalyzed.class);
            assertEquals(repoId + ":" + second.name() + ":1.0.0", analysis.eventId());
            assertEquals(8, analysis.linesOfCode().get("java"), "production and test code");
            assertEquals(2, analysis.testLinesOfCode());
            assertEquals(1, analysis.indicators().get("satd.todo").count(), "the test file's TODO does not count");
            assertEquals(1, analysis.indicators().get("error-handling.empty-catch").count());
            assertEquals(analysis.indicators().get("satd.todo").count(), analysis.categories().get("satd").count());
            List<String> fresh = analysis.newFindings().stream().map(FindingSummary::indicatorId).toList();
            assertEquals("prototype.commit-message", fresh.get(0), "the commit message marker: " + fresh);
            assertTrue(fresh.contains("error-handling.empty-catch"), "the new empty catch: " + fresh);
            assertTrue(!fresh.contains("satd.todo"), "the TODO was there before, only its line moved: " + fresh);
            assertEquals(fresh.size(), analysis.newFindingsCount());
            assertEquals(true, analysis.repositoryChecks().get("readme"));
            assertEquals(true, analysis.repositoryChecks().get("tests"));
            assertEquals(3, analysis.filesAnalyzed());
            List<String> severities = analysis.topFindings().stream().map(FindingSummary::severity).toList();
            assertTrue(severities.indexOf("minor") < 0 || severities.indexOf("major") < severities.indexOf("minor"),
                    "the most severe findings come first: " + severities);
            assertTrue(analysis.topFindings().stream().anyMatch(f -> f.indicatorId().equals("error-handling.empty-catch")));
            assertEquals(analysis.eventId(), CloudEventHeaders.get(seen.get(0).headers(), CloudEventHeaders.ID));
            assertNotNull(seen.get(0).headers().lastHeader(CloudEventHeaders.TYPE));

            TopicReader.send(kafka(), Topics.COMMITS, repoId,
                    EventJson.write(discovered(repoId, repo.dir().toString(), second, 2)));
            List<ConsumerRecord<String, String>> again = analyses.await(1, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(60));
            assertEquals(seen.get(0).value(), again.get(0).value(), "a redelivery publishes the same analysis");
        }
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextIsAnalysed() throws Exception {
        String repoId = new ObjectId().toHexString();
        try (GitFixture repo = GitFixture.init(Files.createTempDirectory("poison"));
                TopicReader deadLetters = new TopicReader(kafka(), Topics.deadLetter(Topics.COMMITS));
                TopicReader analyses = new TopicReader(kafka(), Topics.ANALYSES)) {
            RevCommit only = repo.write("a.py", "print('x')\n").commit("first");
            TopicReader.send(kafka(), Topics.COMMITS, repoId, "{\"eventId\": 42, \"oops\"");
            TopicReader.send(kafka(), Topics.COMMITS, repoId,
                    EventJson.write(discovered(repoId, repo.fileUrl(), only, 1)));

            List<ConsumerRecord<String, String>> dead = deadLetters.await(1, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(60));
            assertEquals(1, dead.size());
            assertTrue(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value())
                    .contains("CommitDiscovered"), "the reason names what could not be read");
            List<ConsumerRecord<String, String>> analysed = analyses.await(1, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(60));
            assertEquals(1, analysed.size(), "the partition moved on");
        }
    }
}
