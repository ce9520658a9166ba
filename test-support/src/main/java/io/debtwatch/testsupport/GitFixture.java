package io.debtwatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Builds real Git repositories in tests, the way JGit's own {@code TestRepository} does:
 * {@code GitFixture.init(dir).write("A.java", "...").commit("first")}.
 */
public final class GitFixture implements AutoCloseable {

    private final Git git;
    private final Path workTree;
    private Instant clock = Instant.parse("2026-01-05T10:00:00Z");
    private String author = "Ada Lovelace";

    private GitFixture(Git git, Path workTree) {
        this.git = git;
        this.workTree = workTree;
    }

    /**
     * @param dir an empty or missing folder
     * @return a new non-bare repository on branch {@code main}
     */
    public static GitFixture init(Path dir) {
        try {
            Files.createDirectories(dir);
            return new GitFixture(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("git init failed in " + dir, e);
        }
    }

    /**
     * @return the work tree, usable as a repository URL where local repositories are allowed
     */
    public Path dir() {
        return workTree;
    }

    /**
     * @return the work tree as a {@code file://} URL
     */
    public String fileUrl() {
        return workTree.toUri().toString();
    }

    /**
     * @return the JGit handle, for what this fixture does not cover
     */
    public Git git() {
        return git;
    }

    /**
     * @param path    repository-relative path
     * @param content the file's text
     * @return this fixture
     */
    public GitFixture write(String path, String content) {
        try {
            Path file = workTree.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param path repository-relative path of a file to remove
     * @return this fixture
     */
    public GitFixture delete(String path) {
        try {
            Files.deleteIfExists(workTree.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name the author of the next commits
     * @return this fixture
     */
    public GitFixture author(String name) {
        this.author = name;
        return this;
    }

    /**
     * @param time the commit time of the next commit; later commits advance by one hour
     * @return this fixture
     */
    public GitFixture at(Instant time) {
        this.clock = time;
        return this;
    }

    /**
     * Stages every change in the work tree (additions and deletions) and commits it.
     *
     * @param message the commit message
     * @return the new commit
     */
    public RevCommit commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent ident = new PersonIdent(author, author.toLowerCase().replace(' ', '.') + "@example.test",
                    Date.from(clock), TimeZone.getTimeZone(ZoneOffset.UTC));
            RevCommit commit = git.commit().setMessage(message).setAuthor(ident).setCommitter(ident)
                    .setAllowEmpty(true).setSign(false).call();
            clock = clock.plusSeconds(3600);
            return commit;
        } catch (GitAPIException e) {
            throw new IllegalStateException("commit failed: " + message, e);
        }
    }

    /**
     * @param name a branch to create at HEAD and check out
     * @return this fixture
     */
    public GitFixture branch(String name) {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create branch " + name, e);
        }
    }

    /**
     * @param name an existing branch to check out
     * @return this fixture
     */
    public GitFixture checkout(String name) {
        try {
            git.checkout().setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot check out " + name, e);
        }
    }

    /**
     * Moves the current branch to an earlier commit, as before a force push.
     *
     * @param commit the commit the branch should point at
     * @return this fixture
     */
    public GitFixture resetHard(RevCommit commit) {
        try {
            git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(commit.name()).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot reset to " + commit.name(), e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
