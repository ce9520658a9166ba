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
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Commit snapshots by (repository, commit, analyzer version), with the recent ones in memory: one
 * repository's commits arrive in order on one worker, so a child usually finds its parent here. The
 * memory is least-recently-used on purpose: a history is a scan in which the newest snapshot is the
 * one needed next, which a frequency-based cache (Caffeine's admission) would turn away when full.
 */
@ApplicationScoped
public class SnapshotRepository {

    private final MongoCollection<Document> snapshots;
    private final Map<String, Snapshot> recent;

    SnapshotRepository(AnalysisDatabase database, AnalysisConfig config) {
        this.snapshots = database.get().getCollection("snapshots");
        long max = config.snapshotCacheSize();
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
                return size() > max;
            }
        });
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
        Document d = snapshots.find(eq("_id", id)).first();
        Optional<Snapshot> found = Optional.ofNullable(d).map(SnapshotRepository::read);
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
        Document d = snapshots.find(and(eq("_id", id(repoId, sha)), eq("org", org))).first();
        return Optional.ofNullable(d).map(SnapshotRepository::read);
    }

    /**
     * Stores snapshots in one round trip and keeps them in memory; a snapshot is a function of its
     * commit, so storing one again writes the same content.
     *
     * @param stored the snapshots
     */
    public void storeAll(Collection<Snapshot> stored) {
        if (stored.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        for (Snapshot snapshot : stored) {
            String id = id(snapshot.repoId(), snapshot.sha());
            try {
                writes.add(new ReplaceOneModel<>(eq("_id", id), new Document("_id", id).append("org", snapshot.org())
                        .append("repoId", snapshot.repoId()).append("sha", snapshot.sha())
                        .append("analyzerVersion", Analyzer.VERSION)
                        .append("json", EventJson.mapper().writeValueAsString(snapshot)), new ReplaceOptions().upsert(true)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("snapshot " + id + " cannot be written", e);
            }
        }
        snapshots.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        stored.forEach(this::remember);
    }

    private static String id(String repoId, String sha) {
        return repoId + ":" + sha + ":" + Analyzer.VERSION;
    }

    private static Snapshot read(Document d) {
        try {
            return EventJson.mapper().readValue(d.getString("json"), Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot " + d.getString("_id") + " cannot be read", e);
        }
    }
}
