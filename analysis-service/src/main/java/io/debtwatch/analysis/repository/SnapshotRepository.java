package io.debtwatch.analysis.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.debtwatch.analysis.config.AnalysisConfig;
import io.debtwatch.analysis.service.Snapshot;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.events.EventJson;
import io.debtwatch.service.mongo.ByIds;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Commit snapshots by (repository, commit, analyzer version), with the recent ones in memory: one
 * repository's commits arrive in order on one worker, so a child usually finds its parent here. The
 * memory is least-recently-used on purpose: a history is a scan in which the newest snapshot is the
 * one needed next, which a frequency-based cache (Caffeine's admission) would turn away when full.
 *
 * <p>A snapshot whose parent this worker stored is stored as a delta on it: only the paths and debt
 * dates that differ, with the ids of the chain of snapshots it builds on (a full one first, at most
 * {@link #MAX_CHAIN} in all). A commit changes a few files, so a delta is some hundred bytes where a
 * full snapshot of a few hundred files is tens of kilobytes, written and stored for every commit.
 * Reading one reads its chain with it, in one query by {@code _id}. A snapshot stored before deltas
 * existed has no chain and reads as a full one.
 */
@ApplicationScoped
@Startup
public class SnapshotRepository {

    /** Snapshots a delta may build on, the full one included: bounds what one read loads. */
    static final int MAX_CHAIN = 32;

    private final MongoCollection<Document> snapshots;
    private final Map<String, Snapshot> recent;
    /** The chain of each snapshot this worker stored recently, so its child can be stored as a delta. */
    private final Map<String, List<String>> storedChains;

    SnapshotRepository(AnalysisDatabase database, AnalysisConfig config) {
        this.snapshots = database.get().getCollection("snapshots");
        this.recent = leastRecentlyUsed(config.snapshotCacheSize());
        this.storedChains = leastRecentlyUsed(config.snapshotCacheSize());
    }

    /**
     * A snapshot to store, with the commit it was derived from.
     *
     * @param snapshot  the snapshot
     * @param parentSha the commit's first parent, or null
     */
    public record ToStore(Snapshot snapshot, String parentSha) {
    }

    /**
     * @param repoId the repository id
     * @param sha    the commit
     * @return the snapshot analysed with this analyzer version, if any
     */
    public Optional<Snapshot> find(String repoId, String sha) {
        String id = id(repoId, sha);
        Snapshot cached = recent.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Snapshot> found = Optional.ofNullable(snapshots.find(eq("_id", id)).first()).flatMap(this::read);
        found.ifPresent(s -> recent.put(id, s));
        return found;
    }

    /**
     * @param repoId the repository id
     * @param sha    the commit
     * @return the snapshot if this worker holds it in memory, without asking MongoDB
     */
    public Optional<Snapshot> cached(String repoId, String sha) {
        return Optional.ofNullable(recent.get(id(repoId, sha)));
    }

    /**
     * Keeps a snapshot in memory only: one derived for a commit whose own analysis comes later,
     * which stores it then.
     *
     * @param snapshot the snapshot
     */
    public void remember(Snapshot snapshot) {
        recent.put(id(snapshot.repoId(), snapshot.sha()), snapshot);
    }

    /**
     * @param org    the organisation; another org's snapshot is not found
     * @param repoId the repository id
     * @param sha    the commit
     * @return the snapshot, if it belongs to that org
     */
    public Optional<Snapshot> find(String org, String repoId, String sha) {
        return Optional.ofNullable(snapshots.find(and(eq("_id", id(repoId, sha)), eq("org", org))).first())
                .flatMap(this::read);
    }

    /**
     * Stores snapshots in one round trip, in order, and keeps them in memory; a snapshot is a function
     * of its commit, so storing one again writes the same content (as a delta or in full).
     *
     * @param stored the snapshots, a parent before its children
     */
    public void storeAll(List<ToStore> stored) {
        if (stored.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        Map<String, List<String>> chains = new LinkedHashMap<>();
        for (ToStore one : stored) {
            Snapshot snapshot = one.snapshot();
            String id = id(snapshot.repoId(), snapshot.sha());
            String parentId = one.parentSha() == null ? null : id(snapshot.repoId(), one.parentSha());
            List<String> parentChain = parentId == null ? null
                    : chains.getOrDefault(parentId, storedChains.get(parentId));
            Snapshot parent = parentId == null ? null : recent.get(parentId);
            Document doc;
            if (parentChain != null && parent != null && parentChain.size() + 1 < MAX_CHAIN
                    && parent.settingsKey().equals(snapshot.settingsKey())) {
                List<String> chain = new ArrayList<>(parentChain);
                chain.add(parentId);
                doc = delta(snapshot, parent, chain);
                chains.put(id, chain);
            } else {
                doc = new Document("json", json(id, snapshot));
                chains.put(id, List.of());
            }
            writes.add(new ReplaceOneModel<>(eq("_id", id), doc.append("_id", id).append("org", snapshot.org())
                    .append("repoId", snapshot.repoId()).append("sha", snapshot.sha())
                    .append("analyzerVersion", Analyzer.VERSION), new ReplaceOptions().upsert(true)));
            remember(snapshot);
        }
        // in order: a delta is never written without the snapshots it builds on
        snapshots.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        storedChains.putAll(chains);
    }

    /** The snapshot as the paths and debt dates that differ from its parent's, the rest in full. */
    private static Document delta(Snapshot snapshot, Snapshot parent, List<String> chain) {
        Diff<String> files = Diff.of(parent.files(), snapshot.files());
        Diff<Instant> since = Diff.of(parent.debtSince(), snapshot.debtSince());
        Snapshot delta = new Snapshot(snapshot.repoId(), snapshot.org(), snapshot.sha(), snapshot.settingsKey(),
                snapshot.settingsProblem(), files.changed(), snapshot.totals(), snapshot.checks(),
                snapshot.repositoryFindings(), since.changed());
        return new Document("json", json(snapshot.sha(), delta)).append("chain", chain)
                .append("removedFiles", files.removed()).append("removedDebt", since.removed());
    }

    /**
     * What differs between two maps: the entries of the second that are new or changed, and the
     * keys of the first that are gone, both in key order.
     */
    private record Diff<V>(Map<String, V> changed, List<String> removed) {

        /**
         * One walk of both maps in key order. A child's file map is a sorted copy of its parent's
         * with the few files a commit changed replaced, so most steps compare references; a map
         * the child shares with its parent (debt dates no commit touched) is not walked at all.
         */
        static <V> Diff<V> of(Map<String, V> before, Map<String, V> after) {
            if (before == after) {
                return new Diff<>(Map.of(), List.of());
            }
            Map<String, V> changed = new TreeMap<>();
            List<String> removed = new ArrayList<>();
            Iterator<Map.Entry<String, V>> old = sorted(before).entrySet().iterator();
            Map.Entry<String, V> previous = old.hasNext() ? old.next() : null;
            for (Map.Entry<String, V> entry : sorted(after).entrySet()) {
                while (previous != null && compare(previous.getKey(), entry.getKey()) < 0) {
                    removed.add(previous.getKey());
                    previous = old.hasNext() ? old.next() : null;
                }
                if (previous != null && compare(previous.getKey(), entry.getKey()) == 0) {
                    if (previous.getValue() != entry.getValue() && !previous.getValue().equals(entry.getValue())) {
                        changed.put(entry.getKey(), entry.getValue());
                    }
                    previous = old.hasNext() ? old.next() : null;
                } else {
                    changed.put(entry.getKey(), entry.getValue());
                }
            }
            while (previous != null) {
                removed.add(previous.getKey());
                previous = old.hasNext() ? old.next() : null;
            }
            return new Diff<>(changed, removed);
        }

        private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
            return map instanceof SortedMap<String, V> sorted && sorted.comparator() == null ? sorted
                    : new TreeMap<>(map);
        }

        private static int compare(String a, String b) {
            return a == b ? 0 : a.compareTo(b);
        }
    }

    private static String id(String repoId, String sha) {
        return repoId + ":" + sha + ":" + Analyzer.VERSION;
    }

    /** The snapshot a stored document stands for, its chain applied; empty when a link of the chain is missing. */
    private Optional<Snapshot> read(Document d) {
        List<String> chain = d.getList("chain", String.class, List.of());
        if (chain.isEmpty()) {
            return Optional.of(parse(d));
        }
        Map<String, Document> links = new HashMap<>();
        ByIds.find(snapshots, chain).forEach(link -> links.put(link.getString("_id"), link));
        if (links.size() < chain.size()) {
            return Optional.empty();
        }
        Snapshot built = parse(links.get(chain.get(0)));
        Map<String, String> files = new TreeMap<>(built.files());
        Map<String, Instant> since = new HashMap<>(built.debtSince());
        for (String id : chain.subList(1, chain.size())) {
            apply(links.get(id), files, since);
        }
        Snapshot own = apply(d, files, since);
        return Optional.of(new Snapshot(own.repoId(), own.org(), own.sha(), own.settingsKey(), own.settingsProblem(),
                files, own.totals(), own.checks(), own.repositoryFindings(), since));
    }

    private static Snapshot apply(Document delta, Map<String, String> files, Map<String, Instant> since) {
        Snapshot changes = parse(delta);
        delta.getList("removedFiles", String.class, List.of()).forEach(files::remove);
        delta.getList("removedDebt", String.class, List.of()).forEach(since::remove);
        files.putAll(changes.files());
        since.putAll(changes.debtSince());
        return changes;
    }

    private static String json(String id, Snapshot snapshot) {
        try {
            return EventJson.mapper().writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + id + " cannot be written", e);
        }
    }

    private static Snapshot parse(Document d) {
        try {
            return EventJson.mapper().readValue(d.getString("json"), Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot " + d.getString("_id") + " cannot be read", e);
        }
    }

    private static <V> Map<String, V> leastRecentlyUsed(long max) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        });
    }
}
