package io.debtwatch.ingest.service;

import static io.debtwatch.ingest.IngestTestSupport.awaitRepository;
import static io.debtwatch.ingest.IngestTestSupport.commits;
import static io.debtwatch.ingest.IngestTestSupport.registered;
import static io.debtwatch.ingest.IngestTestSupport.syncNow;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.debtwatch.events.CloudEventHeaders;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.RepositorySyncFailed;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Force pushes, deleted branches, empty, unreachable and damaged repositories, each with real Git. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class GitEdgeCasesTest {

    private static final String ORG = "edges";

    @TempDir
    Path dir;

    @Test
    void forcePushEmitsOnlyTheNewCommitsAndIsRecorded() {
        GitFixture git = GitFixture.init(dir.resolve("force"));
        RevCommit c1 = git.write("a.txt", "1").commit("c1");
        RevCommit c2 = git.write("a.txt", "2").commit("c2");
        RevCommit c3 = git.write("a.txt", "3").commit("c3");
        String id = registered(ORG, Map.of("url", dir.resolve("force").toString(), "team", "t",
                "pollIntervalSeconds", 86400));
        awaitRepository(ORG, id, r -> c3.name().equals(r.getString("sync.lastCommit")));
        assertThat(commits(id, 3), hasSize(3));

        git.resetHard(c2);
        RevCommit rewritten = git.write("a.txt", "3 again").commit("c3'");
        syncNow(ORG, id);
        JsonPath after = awaitRepository(ORG, id, r -> rewritten.name().equals(r.getString("sync.lastCommit")));
        assertThat(after.getString("sync.lastRewrite.from"), equalTo(c3.name()));
        assertThat(after.getString("sync.lastRewrite.to"), equalTo(rewritten.name()));

        git.resetHard(c3);
        syncNow(ORG, id);
        awaitRepository(ORG, id, r -> c3.name().equals(r.getString("sync.lastCommit")));
        git.close();
        List<CommitDiscovered> events = commits(id, 5, Duration.ofSeconds(5));
        assertThat(events.stream().map(CommitDiscovered::sha).toList(),
                containsInAnyOrder(c1.name(), c2.name(), c3.name(), rewritten.name()));
        CommitDiscovered newOne = events.stream().filter(e -> e.sha().equals(rewritten.name())).findFirst()
                .orElseThrow();
        assertThat(newOne.depth(), equalTo(3L));
        assertThat(newOne.backfill(), is(false));
    }

    @Test
    void aDeletedBranchShowsAsAFailureAndRecoversWhenItReturns() throws Exception {
        GitFixture git = GitFixture.init(dir.resolve("branchy"));
        git.write("a.txt", "1").commit("c1");
        git.branch("feature").write("f.txt", "f").commit("feature work");
        git.checkout("main");
        String id = registered(ORG, Map.of("url", dir.resolve("branchy").toString(), "team", "t",
                "defaultBranch", "feature", "pollIntervalSeconds", 86400));
        awaitRepository(ORG, id, r -> "ok".equals(r.getString("sync.status")));

        git.git().branchDelete().setBranchNames("feature").setForce(true).call();
        syncNow(ORG, id);
        JsonPath failing = awaitRepository(ORG, id, r -> "failing".equals(r.getString("sync.status")));
        assertThat(failing.getString("sync.lastError"), org.hamcrest.Matchers.containsString("'feature'"));
        assertThat(failing.getInt("sync.consecutiveFailures"), equalTo(1));

        RevCommit back = git.branch("feature").write("f.txt", "again").commit("feature is back");
        git.close();
        syncNow(ORG, id);
        awaitRepository(ORG, id, r -> "ok".equals(r.getString("sync.status"))
                && r.getInt("sync.consecutiveFailures") == 0);
        assertThat(commits(id, 3).stream().anyMatch(e -> e.sha().equals(back.name())), is(true));
    }

    @Test
    void anEmptyRepositoryIsWatchedUntilItsFirstCommit() {
        GitFixture git = GitFixture.init(dir.resolve("empty"));
        String id = registered(ORG, Map.of("url", dir.resolve("empty").toString(), "team", "t",
                "pollIntervalSeconds", 86400));
        JsonPath empty = awaitRepository(ORG, id, r -> "empty".equals(r.getString("sync.status")));
        assertThat(empty.getString("defaultBranch"), equalTo("main"));
        RevCommit first = git.write("a.txt", "hello").commit("first");
        git.close();
        syncNow(ORG, id);
        List<CommitDiscovered> events = commits(id, 1);
        assertThat(events, hasSize(1));
        assertThat(events.get(0).sha(), equalTo(first.name()));
        assertThat(events.get(0).depth(), equalTo(1L));
    }

    @Test
    void anUnreachableRepositoryBacksOffWhileOthersGoOn() throws IOException {
        Path source = dir.resolve("flaky");
        try (GitFixture git = GitFixture.init(source)) {
            git.write("a.txt", "1").commit("c1");
        }
        GitFixture healthy = GitFixture.init(dir.resolve("healthy"));
        healthy.write("a.txt", "1").commit("c1");
        String flaky = registered(ORG, Map.of("url", source.toString(), "team", "t", "pollIntervalSeconds", 600,
                "backfill", Map.of("policy", "none")));
        String fine = registered(ORG, Map.of("url", dir.resolve("healthy").toString(), "team", "t",
                "pollIntervalSeconds", 600, "backfill", Map.of("policy", "none")));
        awaitRepository(ORG, flaky, r -> "ok".equals(r.getString("sync.status")));
        awaitRepository(ORG, fine, r -> "ok".equals(r.getString("sync.status")));

        Files.move(source, dir.resolve("flaky-away"));
        JsonPath first;
        JsonPath second;
        try (TopicReader events = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.SCORE_EVENTS)) {
            syncNow(ORG, flaky);
            first = awaitRepository(ORG, flaky, r -> r.getInt("sync.consecutiveFailures") == 1);
            syncNow(ORG, flaky);
            second = awaitRepository(ORG, flaky, r -> r.getInt("sync.consecutiveFailures") == 2);
            List<ConsumerRecord<String, String>> failed = events.await(2, r -> flaky.equals(r.key()),
                    Duration.ofSeconds(10));
            assertThat("one repository.sync_failed per outage, not per retry", failed, hasSize(1));
            assertThat(CloudEventHeaders.get(failed.get(0).headers(), CloudEventHeaders.TYPE),
                    equalTo(EventTypes.REPOSITORY_SYNC_FAILED));
            RepositorySyncFailed event = EventJson.read(failed.get(0).value(), RepositorySyncFailed.class);
            assertThat(event.org(), equalTo(ORG));
            assertThat(event.consecutiveFailures(), equalTo(1));
            assertThat(event.error(), org.hamcrest.Matchers.containsString("flaky"));
        }
        assertThat(second.getString("sync.status"), equalTo("failing"));
        assertThat(second.getString("sync.lastError"), org.hamcrest.Matchers.containsString("flaky"));
        assertThat(second.getString("sync.lastSuccessAt"), equalTo(first.getString("sync.lastSuccessAt")));
        Duration firstWait = Duration.between(Instant.now(), Instant.parse(first.getString("sync.nextAttemptAt")));
        Duration secondWait = Duration.between(Instant.now(), Instant.parse(second.getString("sync.nextAttemptAt")));
        assertThat(secondWait.compareTo(firstWait), greaterThan(0));

        RevCommit next = healthy.write("a.txt", "2").commit("c2");
        healthy.close();
        syncNow(ORG, fine);
        assertThat(commits(fine, 1).get(0).sha(), equalTo(next.name()));

        Files.move(dir.resolve("flaky-away"), source);
        syncNow(ORG, flaky);
        awaitRepository(ORG, flaky, r -> "ok".equals(r.getString("sync.status"))
                && r.getInt("sync.consecutiveFailures") == 0 && r.getString("sync.lastError") == null);
    }

    @Test
    void aRepositoryWithMissingObjectsGivesAClearError() throws Exception {
        Path source = dir.resolve("damaged");
        GitFixture git = GitFixture.init(source);
        git.write("a.txt", "1").commit("c1");
        String id = registered(ORG, Map.of("url", source.toString(), "team", "t", "pollIntervalSeconds", 86400,
                "backfill", Map.of("policy", "none")));
        awaitRepository(ORG, id, r -> "ok".equals(r.getString("sync.status")));
        RevCommit broken = git.write("b.txt", "this blob will go missing").commit("c2");
        String blob;
        try (TreeWalk walk = TreeWalk.forPath(git.git().getRepository(), "b.txt", broken.getTree())) {
            blob = walk.getObjectId(0).name();
        }
        git.close();
        Files.delete(source.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));

        syncNow(ORG, id);
        JsonPath failing = awaitRepository(ORG, id, r -> "failing".equals(r.getString("sync.status")));
        assertThat(failing.getString("sync.lastError"), org.hamcrest.Matchers.containsString("damaged"));
        assertThat(commits(id, 1, Duration.ofSeconds(3)), hasSize(0));
    }

    @Test
    void aMirrorThatLostItsObjectsRecoversFromTheRemote() throws Exception {
        Path source = dir.resolve("mirror-damage");
        GitFixture git = GitFixture.init(source);
        git.write("a.txt", "1").commit("c1");
        String id = registered(ORG, Map.of("url", source.toString(), "team", "t", "pollIntervalSeconds", 86400));
        awaitRepository(ORG, id, r -> "ok".equals(r.getString("sync.status")));
        assertThat(commits(id, 1), hasSize(1));
        Path objects = Path.of("target/ingest-data/mirrors/" + id + ".git/objects");
        try (var files = Files.walk(objects)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
        RevCommit next = git.write("a.txt", "2").commit("c2");
        git.close();

        syncNow(ORG, id);
        awaitRepository(ORG, id, r -> next.name().equals(r.getString("sync.lastCommit")));
        List<CommitDiscovered> events = commits(id, 3, Duration.ofSeconds(5));
        assertThat("c1 is not sent again, c2 is sent once", events, hasSize(2));
        assertThat(events.stream().map(CommitDiscovered::sha).toList(), org.hamcrest.Matchers.hasItem(next.name()));
    }
}
