package io.debtwatch.ingest.service;

import static io.debtwatch.ingest.IngestTestSupport.awaitRepository;
import static io.debtwatch.ingest.IngestTestSupport.commits;
import static io.debtwatch.ingest.IngestTestSupport.registered;
import static io.debtwatch.ingest.IngestTestSupport.syncNow;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.inject.Inject;
import org.bson.Document;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jboss.logging.Logger;
import io.debtwatch.ingest.LinearHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Backfill policies on a history spread over three days, their order (the tip, then oldest first), and a long
 *  backfill that does not hold up a push. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillTest {

    private static final Logger LOG = Logger.getLogger(BackfillTest.class);
    private static final String ORG = "backfiller";

    @TempDir
    static Path dir;

    @Inject
    MongoClient mongo;

    /** Twelve commits, four per day on three days, newest last. */
    private final List<RevCommit> history = new ArrayList<>();
    private String url;

    @BeforeAll
    void threeDaysOfHistory() {
        try (GitFixture git = GitFixture.init(dir.resolve("days"))) {
            for (int day = 0; day < 3; day++) {
                git.at(Instant.parse("2026-03-0" + (day + 1) + "T08:00:00Z"));
                for (int i = 0; i < 4; i++) {
                    history.add(git.write("f.txt", day + "/" + i).commit("day " + day + " commit " + i));
                }
            }
        }
        url = dir.resolve("days").toString();
    }

    @Test
    void noneEmitsNothingAndIsDone() {
        String id = register(Map.of("policy", "none"), "none");
        JsonPath repo = awaitRepository(ORG + "-none", id, r -> "done".equals(r.getString("sync.backfill.state")));
        assertThat(repo.getInt("sync.backfill.planned"), equalTo(0));
        assertThat(repo.getInt("sync.backfill.percent"), equalTo(100));
        assertThat(commits(id, 1, Duration.ofSeconds(3)), hasSize(0));
    }

    @Test
    void lastEmitsTheNewestCommitsWithTheirDepths() {
        String id = register(Map.of("policy", "last", "count", 5), "last");
        List<CommitDiscovered> events = commits(id, 5);
        assertThat(events.stream().map(CommitDiscovered::depth).sorted().toList(), contains(8L, 9L, 10L, 11L, 12L));
        assertThat(events.get(0).sha(), equalTo(history.get(11).name()));
        assertThat(commits(id, 6, Duration.ofSeconds(2)), hasSize(5));
        JsonPath repo = awaitRepository(ORG + "-last", id, r -> "done".equals(r.getString("sync.backfill.state")));
        assertThat(repo.getInt("sync.backfill.emitted"), equalTo(5));
        assertThat(repo.getInt("sync.backfill.percent"), equalTo(100));
    }

    @Test
    void dailyEmitsTheLastCommitOfEachDayTheTipFirstThenOldestFirst() {
        String id = register(Map.of("policy", "daily"), "daily");
        List<CommitDiscovered> events = commits(id, 4, Duration.ofSeconds(4));
        assertThat(events.stream().map(CommitDiscovered::sha).toList(), contains(history.get(11).name(),
                history.get(3).name(), history.get(7).name()));
        String twoDays = register(Map.of("policy", "daily", "count", 2), "daily-2");
        assertThat(commits(twoDays, 3, Duration.ofSeconds(4)).stream().map(CommitDiscovered::sha).toList(),
                contains(history.get(11).name(), history.get(7).name()));
        awaitRepository(ORG + "-daily-2", twoDays, r -> r.getInt("sync.backfill.planned") == 2
                && r.getInt("sync.backfill.percent") == 100);
    }

    @Test
    void allEmitsTheTipFirstThenTheWholeFirstParentChainOldestFirst() {
        String id = register(Map.of("policy", "all"), "all");
        List<CommitDiscovered> events = commits(id, 12);
        assertThat(events.stream().map(CommitDiscovered::depth).toList(),
                contains(12L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L));
        assertThat(events.get(1).parents(), hasSize(0));
        for (int i = 2; i < events.size(); i++) {
            assertThat("each commit after the tip comes right after its parent", events.get(i).parents().get(0),
                    equalTo(events.get(i - 1).sha()));
        }
    }

    @Test
    void aBackfillStoredMidwayByTheNewestFirstVersionResumesOldestFirstWhereItStopped() {
        String id = register(Map.of("policy", "none"), "resumed");
        awaitRepository(ORG + "-resumed", id, r -> "done".equals(r.getString("sync.backfill.state")));
        // what the version that walked newest first stored after emitting commits 12 to 9
        mongo.getDatabase("debtwatch_ingest").getCollection("repositories").updateOne(Filters.eq("_id", id),
                Updates.set("backfill", new Document("policy", "all").append("count", 0).append("state", "running")
                        .append("tip", history.get(11).name()).append("planned", 12L).append("emitted", 4L)
                        .append("nextSha", history.get(7).name()).append("nextDepth", 8L).append("lastDay", null)));
        List<CommitDiscovered> events = commits(id, 8, Duration.ofSeconds(30));
        assertThat(events.stream().map(CommitDiscovered::depth).toList(), contains(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
        assertThat(events.get(7).sha(), equalTo(history.get(7).name()));
        JsonPath done = awaitRepository(ORG + "-resumed", id, r -> "done".equals(r.getString("sync.backfill.state")));
        assertThat(done.getInt("sync.backfill.emitted"), equalTo(12));
        assertThat(done.getInt("sync.backfill.percent"), equalTo(100));
        assertThat(commits(id, 9, Duration.ofSeconds(2)), hasSize(8));
    }

    @Test
    void aLongBackfillStreamsInBatchesAndAPushOvertakesIt() throws Exception {
        int size = 3000;
        Path repoDir = dir.resolve("long");
        GitFixture git = GitFixture.init(repoDir);
        LinearHistory.append(git, size);
        Instant start = Instant.now();
        String id = registered(ORG, Map.of("url", repoDir.toString(), "team", "t",
                "pollIntervalSeconds", 86400, "backfill", Map.of("policy", "all")));
        JsonPath midway = awaitRepository(ORG, id, r -> r.getInt("sync.backfill.emitted") > 0);
        assertThat(midway.getInt("sync.backfill.planned"), equalTo(size));
        assertThat(midway.getInt("sync.backfill.emitted"), lessThan(size));

        RevCommit pushed = git.write("NEW.md", "pushed during backfill").commit("pushed");
        git.close();
        Instant pushedAt = Instant.now();
        syncNow(ORG, id);
        Duration pushLatency;
        try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.COMMITS)) {
            assertThat(reader.await(1, r -> id.equals(r.key()) && r.value().contains(pushed.name()),
                    Duration.ofSeconds(30)), hasSize(1));
            pushLatency = Duration.between(pushedAt, Instant.now());
        }
        List<ConsumerRecord<String, String>> records;
        try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.COMMITS)) {
            records = reader.await(size + 1, r -> id.equals(r.key()), Duration.ofSeconds(120));
        }
        Duration total = Duration.between(start, Instant.now());
        assertThat(records, hasSize(size + 1));
        int pushedIndex = -1;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value().contains(pushed.name())) {
                pushedIndex = i;
            }
        }
        CommitDiscovered newest = EventJson.read(records.get(pushedIndex).value(), CommitDiscovered.class);
        assertThat(newest.depth(), equalTo((long) size + 1));
        assertThat(newest.backfill(), equalTo(false));
        assertThat("the push was sent before the backfill finished", pushedIndex, lessThan(size));
        JsonPath done = awaitRepository(ORG, id, r -> "done".equals(r.getString("sync.backfill.state")));
        assertThat(done.getInt("sync.backfill.emitted"), equalTo(size));
        assertThat(done.getInt("sync.backfill.percent"), equalTo(100));
        assertThat(records.stream().map(r -> EventJson.read(r.value(), CommitDiscovered.class).depth())
                .distinct().count(), equalTo((long) size + 1));
        List<Long> backfilled = records.stream().map(r -> EventJson.read(r.value(), CommitDiscovered.class))
                .filter(CommitDiscovered::backfill).map(CommitDiscovered::depth).toList();
        List<Long> tipThenOldestFirst = new ArrayList<>(List.of((long) size));
        LongStream.range(1, size).forEach(tipThenOldestFirst::add);
        assertThat("the tip, then oldest first across segments of " + BackfillService.SEGMENT_STEPS + " commits",
                backfilled, equalTo(tipThenOldestFirst));
        LOG.infof("backfill of %d commits: %d ms in all (%.0f commits/s); the push was event %d of %d, on the topic"
                + " %d ms after its sync was asked for", size, total.toMillis(), size * 1000.0 / total.toMillis(),
                pushedIndex + 1, records.size(), pushLatency.toMillis());
    }

    private String register(Map<String, Object> backfill, String team) {
        return registered(ORG + "-" + team, Map.of("url", url, "team", team, "pollIntervalSeconds", 86400,
                "backfill", backfill));
    }
}
