package io.debtwatch.ingest.service;

import io.debtwatch.events.ChangedFile;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventIds;
import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.ingest.repository.CommitLedger;
import io.debtwatch.ingest.repository.WatchedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Finds the commits of a branch that were not announced yet, walking first parents from the tip
 * back to the first known commit, and builds their {@link CommitDiscovered} events. On the first
 * sync the repository's backfill policy decides how much history is announced.
 */
@ApplicationScoped
public class CommitDiscovery {

    private final CommitLedger ledger;
    private final IngestConfig config;

    CommitDiscovery(CommitLedger ledger, IngestConfig config) {
        this.ledger = ledger;
        this.config = config;
    }

    /**
     * @param mirror     the fetched mirror
     * @param repository the watched repository
     * @return the new commits to announce, oldest first
     * @throws IOException when the mirror cannot be read (missing objects, damage)
     */
    public List<CommitDiscovered> discover(Repository mirror, WatchedRepository repository) throws IOException {
        ObjectId tip = mirror.resolve("refs/heads/" + repository.defaultBranch());
        if (tip == null) {
            return List.of();
        }
        List<RevCommit> fresh = new ArrayList<>();
        Long knownDepth = null;
        try (RevWalk walk = new RevWalk(mirror)) {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(tip));
            for (RevCommit commit : walk) {
                Optional<Long> depth = ledger.depthOf(repository.id(), commit.name());
                if (depth.isPresent()) {
                    knownDepth = depth.get();
                    break;
                }
                fresh.add(commit);
            }
        }
        Collections.reverse(fresh);
        long base = knownDepth == null ? 0 : knownDepth;
        boolean backfill = knownDepth == null;
        List<Integer> chosen = backfill ? backfillSelection(fresh, repository) : allIndexes(fresh.size());
        List<CommitDiscovered> events = new ArrayList<>();
        for (int index : chosen) {
            boolean isTip = index == fresh.size() - 1;
            events.add(toEvent(mirror, repository, fresh.get(index), base + index + 1, backfill && !isTip));
        }
        return events;
    }

    private List<Integer> backfillSelection(List<RevCommit> chain, WatchedRepository repository) {
        int size = chain.size();
        if (size == 0) {
            return List.of();
        }
        return switch (repository.backfillPolicy()) {
            case "all" -> allIndexes(size);
            case "none" -> List.of(size - 1);
            case "daily" -> lastOfEachDay(chain);
            default -> {
                List<Integer> last = new ArrayList<>();
                for (int i = Math.max(0, size - Math.max(1, repository.backfillCount())); i < size; i++) {
                    last.add(i);
                }
                yield last;
            }
        };
    }

    private static List<Integer> lastOfEachDay(List<RevCommit> chain) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            boolean lastOfDay = i == chain.size() - 1 || !day(chain.get(i)).equals(day(chain.get(i + 1)));
            if (lastOfDay) {
                chosen.add(i);
            }
        }
        return chosen;
    }

    private static LocalDate day(RevCommit commit) {
        return Instant.ofEpochSecond(commit.getCommitTime()).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static List<Integer> allIndexes(int size) {
        List<Integer> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(i);
        }
        return all;
    }

    private CommitDiscovered toEvent(Repository mirror, WatchedRepository repository, RevCommit commit, long depth,
            boolean backfill) throws IOException {
        List<String> parents = Arrays.stream(commit.getParents()).map(RevCommit::name).toList();
        List<ChangedFile> changed = changedFiles(mirror, commit);
        boolean overflow = changed.size() > config.maxChangedFiles();
        return new CommitDiscovered(EventIds.commit(repository.id(), commit.name()), repository.id(),
                repository.org(), repository.team(), repository.url(), repository.defaultBranch(), commit.name(),
                parents, commit.getAuthorIdent().getName(), Instant.ofEpochSecond(commit.getCommitTime()),
                commit.getFullMessage(), overflow ? changed.subList(0, config.maxChangedFiles()) : changed, overflow,
                backfill, depth);
    }

    private static List<ChangedFile> changedFiles(Repository mirror, RevCommit commit) throws IOException {
        try (RevWalk walk = new RevWalk(mirror); DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(mirror);
            diff.setDetectRenames(true);
            List<DiffEntry> entries;
            if (commit.getParentCount() == 0) {
                try (ObjectReader reader = mirror.newObjectReader()) {
                    entries = diff.scan(new EmptyTreeIterator(), new CanonicalTreeParser(null, reader,
                            commit.getTree()));
                }
            } else {
                entries = diff.scan(walk.parseCommit(commit.getParent(0)).getTree(), commit.getTree());
            }
            List<ChangedFile> files = new ArrayList<>();
            for (DiffEntry entry : entries) {
                files.add(toChangedFile(entry));
            }
            return files;
        }
    }

    private static ChangedFile toChangedFile(DiffEntry entry) {
        return switch (entry.getChangeType()) {
            case ADD -> new ChangedFile(entry.getNewPath(), null, ChangedFile.ChangeType.ADD, entry.getNewId().name());
            case DELETE -> new ChangedFile(entry.getOldPath(), entry.getOldPath(), ChangedFile.ChangeType.DELETE, null);
            case RENAME -> new ChangedFile(entry.getNewPath(), entry.getOldPath(), ChangedFile.ChangeType.RENAME,
                    entry.getNewId().name());
            case COPY -> new ChangedFile(entry.getNewPath(), entry.getOldPath(), ChangedFile.ChangeType.COPY,
                    entry.getNewId().name());
            case MODIFY -> new ChangedFile(entry.getNewPath(), entry.getOldPath(), ChangedFile.ChangeType.MODIFY,
                    entry.getNewId().name());
        };
    }
}
