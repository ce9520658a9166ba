package io.debtwatch.analysis;

import static io.debtwatch.analysis.Commits.analyse;
import static io.debtwatch.analysis.Commits.discovered;
import static io.debtwatch.analysis.Commits.kafka;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.types.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/** A fetch that fails for a moment is retried; one that keeps failing dead-letters the commit. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class FailureHandlingTest {

    @Test
    void aRepositoryThatIsBrieflyUnreachableIsFetchedOnRetry() throws Exception {
        String repoId = new ObjectId().toHexString();
        Path built = Files.createTempDirectory("flaky");
        Path served = built.resolveSibling(built.getFileName() + "-served");
        RevCommit commit;
        try (GitFixture repo = GitFixture.init(built)) {
            commit = repo.write("a.py", "print('x')\n").commit("first");
        }
        try (TopicReader analyses = new TopicReader(kafka(), Topics.ANALYSES)) {
            CompletableFuture<Path> appears = CompletableFuture.supplyAsync(() -> served,
                    CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)).thenApply(target -> {
                        try {
                            return Files.move(built, target);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            CommitAnalyzed analysis = analyse(analyses, discovered(repoId, served.toString(), commit, 1));
            assertEquals(served, appears.get(5, TimeUnit.SECONDS));
            assertEquals(1, analysis.linesOfCode().get("python"));
        }
    }

    @Test
    void aRepositoryThatStaysUnreachableSendsTheCommitToTheDeadLetterTopic() throws Exception {
        String repoId = new ObjectId().toHexString();
        try (GitFixture repo = GitFixture.init(Files.createTempDirectory("gone"));
                TopicReader deadLetters = new TopicReader(kafka(), Topics.deadLetter(Topics.COMMITS))) {
            RevCommit commit = repo.write("a.py", "print('x')\n").commit("first");
            CommitDiscovered lost = discovered(repoId, repo.dir().resolve("missing").toString(), commit, 1);
            Commits.send(lost);
            List<ConsumerRecord<String, String>> dead = deadLetters.await(1, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(60));
            assertEquals(1, dead.size());
            String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertTrue(reason.contains("cannot fetch " + commit.name()), reason);
            // the commit stays known, so a re-analysis of the history can replay it once the repository is back
            given().contentType("application/json").body("{\"scope\":\"history\",\"repoId\":\"" + repoId + "\"}")
                    .post("/api/v1/orgs/{org}/reanalysis", Commits.ORG).then().statusCode(202).body("total", equalTo(1));
        }
    }
}
