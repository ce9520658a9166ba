package io.debtwatch.analyzer.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * git blame of chosen lines of many files in one walk of history. Blaming file by file walks the whole
 * history once per file; here the walk goes down the first-parent chain once, and at each commit one
 * tree diff, limited to the files still being blamed, finds which of them it changed. A changed file's
 * lines are split as git blame splits them (a histogram diff against the parent's version: lines inside
 * an edit were written by the commit, the others move to their place in the parent's version).
 *
 * <p>Where history is not a simple chain for a file (a merge whose first parent holds another version of
 * it, or a commit whose parent has no such file, which may be a rename), that file's remaining lines are
 * handed to JGit's own blame started at that commit, so the answer stays git blame's.
 */
final class HistoryBlame {

    private static final DiffAlgorithm DIFF = new HistogramDiff();

    private HistoryBlame() {
    }

    /**
     * @param repository the repository
     * @param start      the commit whose files these are
     * @param lines      path to the 0-based line numbers to blame in that commit's version of the file
     * @return path to the commit that last wrote each asked line, in the order asked; a line beyond the
     *         end of its file, or in a path that is not a file of the commit, stays null
     * @throws IOException     when objects cannot be read
     * @throws GitAPIException when JGit's blame fails on a file handed to it
     */
    static Map<String, RevCommit[]> origins(Repository repository, ObjectId start, Map<String, int[]> lines)
            throws IOException, GitAPIException {
        Map<String, RevCommit[]> origins = new LinkedHashMap<>();
        lines.forEach((path, asked) -> origins.put(path, new RevCommit[asked.length]));
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            RevCommit commit = walk.parseCommit(start);
            Map<String, Pending> pending = startingVersions(reader, commit, lines);
            while (!pending.isEmpty()) {
                int parents = commit.getParentCount();
                if (parents == 0) {
                    for (Pending p : pending.values()) {
                        p.writtenBy(commit, origins);
                    }
                    break;
                }
                RevCommit parent = walk.parseCommit(commit.getParent(0));
                Map<String, ObjectId> before = versionsInParent(reader, parent, commit, pending.keySet());
                for (Map.Entry<String, ObjectId> changed : before.entrySet()) {
                    Pending p = pending.remove(changed.getKey());
                    ObjectId old = changed.getValue();
                    if (old == null || parents > 1) {
                        handToJGit(repository, commit, p, origins);
                    } else {
                        Pending rest = p.split(commit, old, reader, origins);
                        if (rest != null) {
                            pending.put(rest.path, rest);
                        }
                    }
                }
                commit = parent;
            }
        }
        return origins;
    }

    /** The lines of one file still unblamed, at their place in the file's version at the commit walked to. */
    private static final class Pending {
        final String path;
        final RawText text;
        final int[] askedIndex;
        final int[] line;

        Pending(String path, RawText text, int[] askedIndex, int[] line) {
            this.path = path;
            this.text = text;
            this.askedIndex = askedIndex;
            this.line = line;
        }

        void writtenBy(RevCommit commit, Map<String, RevCommit[]> origins) {
            for (int i : askedIndex) {
                origins.get(path)[i] = commit;
            }
        }

        /** Lines inside the commit's edits were written by it; the rest move to the parent's version. */
        Pending split(RevCommit commit, ObjectId parentBlob, ObjectReader reader, Map<String, RevCommit[]> origins)
                throws IOException {
            RawText parentText = load(reader, parentBlob);
            EditList edits = DIFF.diff(RawTextComparator.DEFAULT, parentText, text);
            int[] keptAsked = new int[line.length];
            int[] keptLine = new int[line.length];
            int kept = 0;
            for (int k = 0; k < line.length; k++) {
                int inParent = placeInParent(edits, line[k]);
                if (inParent < 0) {
                    origins.get(path)[askedIndex[k]] = commit;
                } else {
                    keptAsked[kept] = askedIndex[k];
                    keptLine[kept++] = inParent;
                }
            }
            return kept == 0 ? null
                    : new Pending(path, parentText, Arrays.copyOf(keptAsked, kept), Arrays.copyOf(keptLine, kept));
        }

        /** @return the line's number in the parent's version, or -1 when an edit wrote it */
        private static int placeInParent(EditList edits, int lineInChild) {
            int inParent = lineInChild;
            for (Edit e : edits) {
                if (lineInChild < e.getBeginB()) {
                    break;
                }
                if (lineInChild < e.getEndB()) {
                    return -1;
                }
                inParent = lineInChild - e.getEndB() + e.getEndA();
            }
            return inParent;
        }
    }

    private static RawText load(ObjectReader reader, ObjectId blob) throws IOException {
        return new RawText(reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
    }

    private static Map<String, Pending> startingVersions(ObjectReader reader, RevCommit commit,
            Map<String, int[]> lines) throws IOException {
        Map<String, Pending> pending = new HashMap<>();
        if (lines.isEmpty()) {
            return pending;
        }
        try (TreeWalk tree = new TreeWalk(reader)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            tree.setFilter(PathFilterGroup.createFromStrings(lines.keySet()));
            while (tree.next()) {
                String path = tree.getPathString();
                int[] asked = lines.get(path);
                if (asked == null || !isFile(tree.getRawMode(0))) {
                    continue;
                }
                RawText text = load(reader, tree.getObjectId(0));
                List<Integer> inFile = new ArrayList<>();
                for (int i = 0; i < asked.length; i++) {
                    if (asked[i] >= 0 && asked[i] < text.size()) {
                        inFile.add(i);
                    }
                }
                if (!inFile.isEmpty()) {
                    int[] askedIndex = inFile.stream().mapToInt(Integer::intValue).toArray();
                    int[] line = inFile.stream().mapToInt(i -> asked[i]).toArray();
                    pending.put(path, new Pending(path, text, askedIndex, line));
                }
            }
        }
        return pending;
    }

    /**
     * @return every pending path the commit changed against its parent, to its version in the parent
     *         (null when the parent has no such file)
     */
    private static Map<String, ObjectId> versionsInParent(ObjectReader reader, RevCommit parent, RevCommit commit,
            Set<String> paths) throws IOException {
        Map<String, ObjectId> changed = new HashMap<>();
        try (TreeWalk tree = new TreeWalk(reader)) {
            tree.addTree(parent.getTree());
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            tree.setFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
            while (tree.next()) {
                String path = tree.getPathString();
                if (paths.contains(path)) {
                    changed.put(path, isFile(tree.getRawMode(0)) ? tree.getObjectId(0) : null);
                }
            }
        }
        return changed;
    }

    private static void handToJGit(Repository repository, RevCommit commit, Pending p,
            Map<String, RevCommit[]> origins) throws GitAPIException {
        try (Git git = new Git(repository)) {
            BlameResult blame = git.blame().setStartCommit(commit).setFilePath(p.path).call();
            for (int k = 0; k < p.line.length; k++) {
                origins.get(p.path)[p.askedIndex[k]] = blame == null ? null : blame.getSourceCommit(p.line[k]);
            }
        }
    }

    private static boolean isFile(int rawMode) {
        return (rawMode & FileMode.TYPE_FILE) == FileMode.TYPE_FILE;
    }
}
