package io.debtwatch.analysis;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.revwalk.RevCommit;

/** What the analysis tests share: discovered commits as ingest sends them, and waiting for their analyses. */
final class Commits {

    static final String ORG = "acme";

    private Commits() {
    }

    static String kafka() {
        return KafkaTestResource.broker().bootstrapServers();
    }

    static CommitDiscovered discovered(String repoId, String repoUrl, RevCommit commit, long depth) {
        return discovered(ORG, repoId, repoUrl, commit, depth);
    }

    static CommitDiscovered discovered(String org, String repoId, String repoUrl, RevCommit commit, long depth) {
        List<String> parents = commit.getParentCount() == 0 ? List.of() : List.of(commit.getParent(0).name());
        return new CommitDiscovered(EventIds.commit(repoId, commit.name()), repoId, org, "payments", repoUrl, "main",
                commit.name(), parents, "Ada", Instant.ofEpochSecond(commit.getCommitTime()), commit.getFullMessage(),
                List.of(), false, false, depth);
    }

    static void send(CommitDiscovered commit) {
        TopicReader.send(kafka(), Topics.COMMITS, commit.repoId(), EventJson.write(commit));
    }

    /** Sends the commit and returns its analysis as it reached debtwatch.analyses. */
    static CommitAnalyzed analyse(TopicReader analyses, CommitDiscovered commit) {
        send(commit);
        return await(analyses, commit);
    }

    static CommitAnalyzed await(TopicReader analyses, CommitDiscovered commit) {
        String eventId = EventIds.analysis(commit.repoId(), commit.sha(), "1.0.0");
        List<ConsumerRecord<String, String>> seen = analyses.await(1,
                r -> r.value().contains("\"eventId\":\"" + eventId + "\""), Duration.ofSeconds(90));
        if (seen.isEmpty()) {
            throw new AssertionError("no analysis " + eventId + " on " + Topics.ANALYSES);
        }
        return EventJson.read(seen.get(0).value(), CommitAnalyzed.class);
    }
}
