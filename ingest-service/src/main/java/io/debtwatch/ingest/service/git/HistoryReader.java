package io.debtwatch.ingest.service.git;

import io.debtwatch.events.ChangedFile;
import io.debtwatch.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Reads commits out of a mirror: first-parent depth, the new commits of a branch since the last
 * sync, and each commit's facts with its changed files against the first parent.
 */
@ApplicationScoped
public class HistoryReader {

    private final int maxChangedFiles;

    public HistoryReader(IngestConfig config) {
        this.maxChangedFiles = config.git().maxChangedFiles();
    }

    /**
     * @param repo   a mirror
     * @param commit a commit in it
     * @return its position on its first-parent chain, the root being 1
     * @throws GitSyncException when an ancestor is missing
     */
    public long depth(Repository repo, ObjectId commit) throws GitSyncException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRetainBody(false);
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(commit));
            long depth = 0;
            while (walk.next() != null) {
                depth++;
            }
            return depth;
        } catch (MissingObjectException e) {
            throw missing(e);
        } catch (IOException e) {
            throw new DamagedRepositoryException("cannot walk the history: " + e.getMessage(), e);
        }
    }

    /**
     * The first-parent chain from {@code tip} down to, not including, anything reachable from
     * {@code since}.
     *
     * @param repo  a mirror
     * @param tip   the branch tip now
     * @param since the tip processed before, null or absent from the mirror to walk to the root
     * @return the new commits, newest first
     * @throws GitSyncException when objects are missing
     */
    public List<ObjectId> newOnFirstParent(Repository repo, ObjectId tip, ObjectId since) throws GitSyncException {
        try (RevWalk all = new RevWalk(repo); RevWalk chain = new RevWalk(repo)) {
            all.setRetainBody(false);
            all.markStart(all.parseCommit(tip));
            if (since != null && repo.getObjectDatabase().has(since)) {
                all.markUninteresting(all.parseCommit(since));
            }
            Set<ObjectId> fresh = new HashSet<>();
            for (RevCommit c = all.next(); c != null; c = all.next()) {
                fresh.add(c.copy());
            }
            chain.setRetainBody(false);
            chain.setFirstParent(true);
            chain.markStart(chain.parseCommit(tip));
            List<ObjectId> result = new ArrayList<>();
            for (RevCommit c = chain.next(); c != null && fresh.contains(c); c = chain.next()) {
                result.add(c.copy());
            }
            return result;
        } catch (MissingObjectException e) {
            throw missing(e);
        } catch (IOException e) {
            throw new DamagedRepositoryException("cannot walk the history: " + e.getMessage(), e);
        }
    }

    /**
     * Walks first parents backwards from a commit, a bounded number of steps: how a backfill
     * streams through a long history one batch at a time.
     *
     * @param repo  a mirror
     * @param start the first commit to return
     * @param limit how many commits at most
     * @return the steps, newest first
     * @throws GitSyncException when objects are missing
     */
    public List<ChainStep> chain(Repository repo, ObjectId start, int limit) throws GitSyncException {
        try (RevWalk walk = new RevWalk(repo)) {
            List<ChainStep> steps = new ArrayList<>();
            RevCommit c = walk.parseCommit(start);
            while (c != null && steps.size() < limit) {
                RevCommit parent = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
                steps.add(new ChainStep(c.copy(), c.getCommitTime(), parent == null ? null : parent.copy()));
                c = parent;
            }
            return steps;
        } catch (MissingObjectException e) {
            throw missing(e);
        } catch (IOException e) {
            throw new DamagedRepositoryException("cannot walk the history: " + e.getMessage(), e);
        }
    }

    /**
     * @param repo     a mirror
     * @param ancestor a commit
     * @param tip      another commit
     * @return whether {@code ancestor} is reachable from {@code tip} (a fast-forward, not a rewrite)
     * @throws GitSyncException when objects are missing
     */
    public boolean isAncestor(Repository repo, ObjectId ancestor, ObjectId tip) throws GitSyncException {
        try (RevWalk walk = new RevWalk(repo)) {
            if (!repo.getObjectDatabase().has(ancestor)) {
                return false;
            }
            return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(tip));
        } catch (MissingObjectException e) {
            throw missing(e);
        } catch (IOException e) {
            throw new DamagedRepositoryException("cannot compare commits: " + e.getMessage(), e);
        }
    }

    /**
     * @param repo   a mirror
     * @param commit a commit
     * @param depth  its first-parent depth, known to the caller
     * @return its facts, with changed files against the first parent
     * @throws GitSyncException when the commit, a parent or a tree is missing
     */
    public CommitFacts read(Repository repo, ObjectId commit, long depth) throws GitSyncException {
        try (RevWalk walk = new RevWalk(repo);
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            RevCommit c = walk.parseCommit(commit);
            List<String> parents = new ArrayList<>();
            for (RevCommit p : c.getParents()) {
                parents.add(p.name());
            }
            diff.setRepository(repo);
            diff.setDetectRenames(true);
            ObjectId parentTree = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0)).getTree();
            List<DiffEntry> entries = diff.scan(parentTree, c.getTree());
            List<ChangedFile> files = new ArrayList<>();
            for (DiffEntry e : entries.subList(0, Math.min(entries.size(), maxChangedFiles))) {
                files.add(changedFile(e));
            }
            return new CommitFacts(c.name(), parents, c.getAuthorIdent().getName(),
                    Instant.ofEpochSecond(c.getCommitTime()), c.getFullMessage(), files,
                    entries.size() > maxChangedFiles, depth);
        } catch (MissingObjectException e) {
            throw missing(e);
        } catch (IOException e) {
            throw new DamagedRepositoryException("cannot read commit " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    private static ChangedFile changedFile(DiffEntry e) {
        return switch (e.getChangeType()) {
            case ADD -> new ChangedFile(e.getNewPath(), null, ChangedFile.ChangeType.ADD, e.getNewId().name());
            case MODIFY -> new ChangedFile(e.getNewPath(), e.getOldPath(), ChangedFile.ChangeType.MODIFY,
                    e.getNewId().name());
            case DELETE -> new ChangedFile(e.getOldPath(), e.getOldPath(), ChangedFile.ChangeType.DELETE, null);
            case RENAME -> new ChangedFile(e.getNewPath(), e.getOldPath(), ChangedFile.ChangeType.RENAME,
                    e.getNewId().name());
            case COPY -> new ChangedFile(e.getNewPath(), e.getOldPath(), ChangedFile.ChangeType.COPY,
                    e.getNewId().name());
        };
    }

    private static DamagedRepositoryException missing(MissingObjectException e) {
        return new DamagedRepositoryException("the repository is missing object " + e.getObjectId().name()
                + " (" + e.getMessage() + ")", e);
    }
}
