package io.debtwatch.analysis.service;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.debtwatch.analysis.repository.AnalysisRepository.Stored;
import io.debtwatch.analysis.service.DeltaAnalysisService.Computed;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventIds;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns discovered commits into their analyses, a batch at a time: one query finds the analyses
 * stored before (a redelivered commit gets the stored one, never a second, different one), each
 * other commit is computed in order, so a child finds its parent's snapshot in memory, and then
 * all of them are stored with one write per collection. A commit that cannot be analysed or stored
 * fails alone; its neighbours in the batch do not.
 */
@ApplicationScoped
@Startup
public class CommitAnalysisService {

    private static final Logger LOG = Logger.getLogger(CommitAnalysisService.class);

    private final DeltaAnalysisService delta;
    private final AnalysisStoreService store;

    CommitAnalysisService(DeltaAnalysisService delta, AnalysisStoreService store) {
        this.delta = delta;
        this.store = store;
    }

    /**
     * What became of one commit of a batch: its stored analysis, or why there is none.
     *
     * @param stored  the stored analysis and its JSON, or null
     * @param failure why it could not be analysed or stored, or null
     */
    public record Outcome(Stored stored, RuntimeException failure) {

        /** @return the stored analysis, or null */
        public CommitAnalyzed analysis() {
            return stored == null ? null : stored.analysis();
        }
    }

    /**
     * @param commit the discovered commit
     * @return its analysis and JSON, computed and stored now or stored before
     * @throws RuntimeException why it could not be analysed or stored
     */
    public Stored analyze(CommitDiscovered commit) {
        Outcome outcome = analyzeAll(List.of(commit)).get(0);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.stored();
    }

    /**
     * @param commits discovered commits, each repository's in order
     * @return the outcome of each, in the same order
     */
    public List<Outcome> analyzeAll(List<CommitDiscovered> commits) {
        Map<String, Stored> done = new HashMap<>(store.stored(commits.stream()
                .map(CommitAnalysisService::eventId).distinct().toList()));
        Map<String, Computed> computed = new LinkedHashMap<>();
        Map<String, RuntimeException> failed = new HashMap<>();
        List<CommitDiscovered> unanalysed = new ArrayList<>();
        prefetch(commits.stream().filter(c -> !done.containsKey(eventId(c))).toList());
        for (CommitDiscovered commit : commits) {
            String eventId = eventId(commit);
            if (!done.containsKey(eventId) && !computed.containsKey(eventId) && !failed.containsKey(eventId)) {
                try {
                    computed.put(eventId, delta.compute(commit, eventId));
                } catch (RuntimeException e) {
                    failed.put(eventId, e);
                    unanalysed.add(commit);
                }
            }
        }
        storeAll(new ArrayList<>(computed.values()), unanalysed, done, failed);
        List<Outcome> outcomes = new ArrayList<>(commits.size());
        for (CommitDiscovered commit : commits) {
            String eventId = eventId(commit);
            outcomes.add(new Outcome(done.get(eventId), failed.get(eventId)));
        }
        return outcomes;
    }

    /**
     * Stores the batch in one go; when that fails for a reason other than MongoDB being away, each
     * commit is stored on its own so that one that cannot be stored fails alone. The commits that
     * could not be analysed are recorded too, so that a re-analysis of the history replays them.
     */
    private void storeAll(List<Computed> computed, List<CommitDiscovered> unanalysed, Map<String, Stored> done,
            Map<String, RuntimeException> failed) {
        if (computed.isEmpty() && unanalysed.isEmpty()) {
            return;
        }
        try {
            done.putAll(store.store(computed, unanalysed));
        } catch (RuntimeException e) {
            if (computed.size() + unanalysed.size() == 1 || transientFailure(e)) {
                computed.forEach(c -> failed.put(c.analysis().eventId(), e));
                unanalysed.forEach(c -> failed.get(eventId(c)).addSuppressed(e));
                return;
            }
            for (Computed one : computed) {
                try {
                    done.putAll(store.store(List.of(one), List.of()));
                } catch (RuntimeException alone) {
                    failed.put(one.analysis().eventId(), alone);
                }
            }
            for (CommitDiscovered one : unanalysed) {
                try {
                    store.store(List.of(), List.of(one));
                } catch (RuntimeException alone) {
                    failed.get(eventId(one)).addSuppressed(alone);
                }
            }
        }
    }

    /** Best effort: a batch whose prefetch fails looks its files up commit by commit, as without it. */
    private void prefetch(List<CommitDiscovered> commits) {
        try {
            delta.prefetch(commits);
        } catch (RuntimeException e) {
            LOG.warnf("prefetch of a batch's file results failed, they are looked up one commit at a time: %s",
                    e.getMessage());
        }
    }

    private static boolean transientFailure(RuntimeException e) {
        return e instanceof MongoSocketException || e instanceof MongoTimeoutException
                || e instanceof MongoNotPrimaryException || e instanceof MongoNodeIsRecoveringException;
    }

    private static String eventId(CommitDiscovered commit) {
        return EventIds.analysis(commit.repoId(), commit.sha(), Analyzer.VERSION);
    }
}
