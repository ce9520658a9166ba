package io.debtwatch.ingest.service.git;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.util.FileUtils;
import org.jboss.logging.Logger;

/**
 * Lists and fetches a small sample repository while the service starts, before it reports ready, so
 * that the first registration does not run JGit's transport, pack writing and pack indexing
 * interpreted: in the end-to-end benchmark the registration's listing of the remote's branches took
 * 0.45 s cold and milliseconds warm, and the first fetch of a 3,000-commit repository 1.1 s cold and
 * 0.9 s after this. The sample is written to a temporary folder, fetched into another and both are
 * deleted again; no mirror, repository or event is created.
 */
@ApplicationScoped
class GitWarmUp {

    private static final Logger LOG = Logger.getLogger(GitWarmUp.class);
    /** Commits of the sample history. */
    static final int SAMPLE_COMMITS = 24;

    void warmUp(@Observes StartupEvent started) {
        long began = System.nanoTime();
        try {
            int fetched = fetchSample();
            LOG.infof("git ready: a sample repository of %d commits listed and fetched in %d ms", fetched,
                    (System.nanoTime() - began) / 1_000_000);
        } catch (IOException | GitAPIException e) {
            // only the first registration's latency depends on it
            LOG.warnf("the sample repository could not be fetched, its warm-up is skipped: %s", e.getMessage());
        }
    }

    /**
     * Writes a packed sample repository, lists its branches and fetches it into a bare repository,
     * as a registration and a first sync do.
     *
     * @return the commits the fetched repository holds on its branch
     * @throws IOException     when a folder cannot be written or read
     * @throws GitAPIException when the sample cannot be written, listed or fetched
     */
    static int fetchSample() throws IOException, GitAPIException {
        Path dir = Files.createTempDirectory("debtwatch-git-warmup");
        try {
            Path source = dir.resolve("source");
            PersonIdent author = new PersonIdent("DebtWatch", "warmup@debtwatch.invalid", Instant.EPOCH, ZoneOffset.UTC);
            try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
                StringBuilder log = new StringBuilder();
                for (int commit = 0; commit < SAMPLE_COMMITS; commit++) {
                    log.append("change ").append(commit).append('\n');
                    Files.writeString(source.resolve("changes.txt"), log);
                    Files.writeString(source.resolve("file-" + commit % 5 + ".txt"), "version " + commit + "\n");
                    git.add().addFilepattern(".").call();
                    git.commit().setMessage("sample " + commit).setAuthor(author).setCommitter(author).setSign(false)
                            .call();
                }
                git.gc().call();
            }
            String url = source.toUri().toString();
            Git.lsRemoteRepository().setRemote(url).callAsMap();
            try (Git mirror = Git.init().setBare(true).setDirectory(dir.resolve("mirror.git").toFile()).call();
                    RevWalk walk = new RevWalk(mirror.getRepository())) {
                mirror.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*")).call();
                walk.markStart(walk.parseCommit(mirror.getRepository().resolve(Constants.R_HEADS + "main")));
                int commits = 0;
                for (var ignored : walk) {
                    commits++;
                }
                return commits;
            }
        } finally {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        }
    }
}
