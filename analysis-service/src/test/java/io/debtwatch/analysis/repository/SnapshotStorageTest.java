package io.debtwatch.analysis.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.debtwatch.analysis.service.Snapshot;
import io.debtwatch.analysis.service.Totals;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Snapshots stored as deltas on their parents read back exactly as they were, however long the history. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class SnapshotStorageTest {

    private static final String ORG = "deltas";

    @Inject
    SnapshotRepository snapshots;

    @Inject
    MongoClient mongo;

    @Test
    void aHistoryStoredAsDeltasReadsBackSnapshotBySnapshotAndAChainNeverExceedsItsBound() {
        String repoId = "r-" + System.nanoTime();
        List<Snapshot> history = history(repoId, 70);
        // two batches, as two polls store them: the second builds on what the first stored
        snapshots.storeAll(toStore(history.subList(0, 30), null));
        snapshots.storeAll(toStore(history.subList(30, 70), history.get(29).sha()));

        for (Snapshot expected : history) {
            assertEquals(Optional.of(expected), snapshots.find(ORG, repoId, expected.sha()), expected.sha());
        }
        assertEquals(Optional.empty(), snapshots.find("another-org", repoId, history.get(40).sha()));

        MongoCollection<Document> stored = mongo.getDatabase("debtwatch_analysis").getCollection("snapshots");
        List<Integer> chains = new ArrayList<>();
        int fullBytes = 0;
        int deltaBytes = 0;
        for (Snapshot s : history) {
            Document d = stored.find(Filters.eq("_id", repoId + ":" + s.sha() + ":1.0.0")).first();
            List<String> chain = d.getList("chain", String.class, List.of());
            chains.add(chain.size());
            if (chain.isEmpty()) {
                fullBytes = Math.max(fullBytes, d.getString("json").length());
            } else {
                deltaBytes = Math.max(deltaBytes, d.getString("json").length());
            }
        }
        assertEquals(0, chains.get(0), "the first is stored in full");
        assertEquals(1, chains.get(1));
        assertEquals(SnapshotRepository.MAX_CHAIN - 1, chains.stream().mapToInt(Integer::intValue).max().orElse(0));
        assertEquals(0, chains.get(SnapshotRepository.MAX_CHAIN), "a full one again once the chain is at its bound");
        assertTrue(deltaBytes * 10 < fullBytes, "a delta (" + deltaBytes + " B) is a fraction of a full snapshot ("
                + fullBytes + " B)");
    }

    @Test
    void aSnapshotWhoseChainLostALinkIsNotFoundSoItIsBuiltAgain() {
        String repoId = "r-" + System.nanoTime();
        List<Snapshot> history = history(repoId, 5);
        snapshots.storeAll(toStore(history, null));
        mongo.getDatabase("debtwatch_analysis").getCollection("snapshots")
                .deleteOne(Filters.eq("_id", repoId + ":" + history.get(2).sha() + ":1.0.0"));
        assertEquals(Optional.of(history.get(1)), snapshots.find(ORG, repoId, history.get(1).sha()));
        assertEquals(Optional.empty(), snapshots.find(ORG, repoId, history.get(4).sha()));
    }

    /** Each snapshot of the list with the one before it as its parent's (the first with {@code firstParent}). */
    private static List<SnapshotRepository.ToStore> toStore(List<Snapshot> list, String firstParent) {
        List<SnapshotRepository.ToStore> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            result.add(new SnapshotRepository.ToStore(list.get(i), i == 0 ? firstParent : list.get(i - 1).sha()));
        }
        return result;
    }

    /**
     * Commits that each change a file and a debt date; every fifth adds a file, every seventh removes the first and every eleventh the last.
     * Files are sorted maps, as the builder makes them, and debt dates are not, so both ways of diffing are used.
     */
    private static List<Snapshot> history(String repoId, int commits) {
        TreeMap<String, String> files = new TreeMap<>();
        Map<String, Instant> since = new TreeMap<>();
        for (int f = 0; f < 200; f++) {
            files.put("src/pkg" + (f % 10) + "/File" + f + ".java", blob(f, 0));
            since.put("fp-" + f, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(f));
        }
        List<Snapshot> history = new ArrayList<>();
        for (int c = 0; c < commits; c++) {
            if (c > 0) {
                files.put("src/pkg" + (c % 10) + "/File" + (c * 7 % 200) + ".java", blob(c * 7 % 200, c));
                since.put("fp-" + (c * 3 % 200), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(c));
                if (c % 5 == 0) {
                    files.put("src/new/Added" + c + ".java", blob(1000 + c, c));
                }
                if (c % 7 == 0) {
                    files.remove(files.keySet().iterator().next());
                    since.remove(since.keySet().iterator().next());
                }
                if (c % 11 == 0) {
                    // the last path in order, so a removal after every kept path is covered too
                    files.remove(files.lastKey());
                }
            }
            history.add(new Snapshot(repoId, ORG, String.format("%040x", c + 1), "default", null,
                    new TreeMap<>(files), Totals.of(List.of()), Map.of("readme", c % 2 == 0), List.of(),
                    Map.copyOf(since)));
        }
        return history;
    }

    private static String blob(int file, int version) {
        return String.format("%020x%020x", file, version);
    }
}
