package io.debtwatch.cli.scan;

import io.debtwatch.analyzer.scan.SourceEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** The files of a Git repository at one revision, read from the object database with JGit. */
final class GitSource {

    /** What was resolved: the commit id and the files of its tree. */
    record Snapshot(String commit, List<SourceEntry> entries, Repository repository) {
    }

    private GitSource() {
    }

    /** Opens the repository at dir and lists the tree of rev; a clear ScanException when it cannot. */
    static Snapshot open(Path dir, String rev, List<String> problems) throws ScanException {
        Repository repo;
        try {
            repo = new FileRepositoryBuilder().setMustExist(true).findGitDir(dir.toFile()).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new ScanException(dir + " is not a Git repository (" + e.getMessage() + ")");
        }
        if (repo.getDirectory() == null) {
            throw new ScanException(dir + " is not a Git repository");
        }
        try {
            ObjectId id = repo.resolve(rev);
            if (id == null) {
                String what = "HEAD".equals(rev) ? "the repository is empty (no commits yet)" : "revision '" + rev + "' not found";
                throw new ScanException(dir + ": " + what);
            }
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit commit = walk.parseCommit(id);
                return new Snapshot(commit.getName(), list(repo, commit, problems), repo);
            }
        } catch (IOException e) {
            throw new ScanException(dir + ": cannot read revision '" + rev + "' (" + e.getMessage() + ")");
        }
    }

    private static List<SourceEntry> list(Repository repo, RevCommit commit, List<String> problems) throws IOException {
        List<SourceEntry> entries = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                String path = tree.getPathString();
                if (mode == FileMode.SYMLINK) {
                    problems.add(path + ": symbolic link not followed");
                } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    ObjectId blob = tree.getObjectId(0);
                    long size;
                    try (ObjectReader reader = repo.newObjectReader()) {
                        size = reader.getObjectSize(blob, org.eclipse.jgit.lib.Constants.OBJ_BLOB);
                    }
                    entries.add(new BlobEntry(path, size, repo, blob));
                }
            }
        }
        return entries;
    }

    /** One blob of the tree, read on demand. */
    private record BlobEntry(String path, long size, Repository repo, ObjectId blob) implements SourceEntry {
        @Override
        public byte[] read() throws IOException {
            try (ObjectReader reader = repo.newObjectReader()) {
                return reader.open(blob).getBytes(Integer.MAX_VALUE - 8);
            }
        }
    }
}
