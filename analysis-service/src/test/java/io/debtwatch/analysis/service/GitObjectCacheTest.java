package io.debtwatch.analysis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.analysis.config.AnalysisConfig;
import io.debtwatch.testsupport.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a worker gets a commit's objects: ingest's mirror on the same disk, or a fetch into its own cache. */
class GitObjectCacheTest {

    @TempDir
    Path dir;

    @Test
    void aCommitInIngestsMirrorIsReadInPlaceWithoutAFetch() throws Exception {
        RevCommit commit = commitIn(dir.resolve("remote"));
        mirror(dir.resolve("remote"), dir.resolve("ingest/mirrors/r1.git"));
        GitObjectCache cache = new GitObjectCache(config(Optional.of(dir.resolve("ingest/mirrors"))));
        // the URL cannot be fetched from: only the mirror can have served the commit
        try (Repository repository = cache.open("r1", dir.resolve("gone").toUri().toString(), commit.name())) {
            assertEquals(dir.resolve("ingest/mirrors/r1.git").toRealPath(), repository.getDirectory().toPath().toRealPath());
            assertTrue(repository.getObjectDatabase().has(commit));
        }
        assertFalse(Files.exists(dir.resolve("worker/objects/r1.git")), "nothing copied into the worker's cache");

        RevCommit later;
        try (GitFixture git = GitFixture.init(dir.resolve("remote"))) {
            later = git.write("b.txt", "later").commit("not in the mirror yet");
        }
        try (Repository repository = cache.open("r1", dir.resolve("remote").toUri().toString(), later.name())) {
            assertEquals(dir.resolve("worker/objects/r1.git").toRealPath(), repository.getDirectory().toPath().toRealPath());
        }
        try (Git mirror = Git.open(dir.resolve("ingest/mirrors/r1.git").toFile())) {
            assertFalse(mirror.getRepository().getObjectDatabase().has(later), "ingest's mirror is never fetched into");
        }
        cache.closeAll();
    }

    @Test
    void withoutAMirrorOrWhenItLacksTheCommitTheWorkerFetchesIntoItsOwnCache() throws Exception {
        RevCommit first = commitIn(dir.resolve("remote"));
        mirror(dir.resolve("remote"), dir.resolve("ingest/mirrors/r2.git"));
        RevCommit second;
        try (GitFixture git = GitFixture.init(dir.resolve("remote"))) {
            second = git.write("b.txt", "later").commit("after the mirror was made");
        }
        GitObjectCache cache = new GitObjectCache(config(Optional.of(dir.resolve("ingest/mirrors"))));
        String url = dir.resolve("remote").toUri().toString();
        try (Repository repository = cache.open("r2", url, second.name())) {
            assertEquals(dir.resolve("worker/objects/r2.git").toRealPath(), repository.getDirectory().toPath().toRealPath());
            assertTrue(repository.getObjectDatabase().has(first));
        }
        GitObjectCache noMirrors = new GitObjectCache(config(Optional.empty()));
        try (Repository repository = noMirrors.open("r3", url, first.name())) {
            assertEquals(dir.resolve("worker/objects/r3.git").toRealPath(), repository.getDirectory().toPath().toRealPath());
        }
        assertThrows(AnalysisFailedException.class,
                () -> noMirrors.open("r4", dir.resolve("gone").toUri().toString(), first.name()));
        cache.closeAll();
        noMirrors.closeAll();
    }

    private static RevCommit commitIn(Path repo) {
        try (GitFixture git = GitFixture.init(repo)) {
            return git.write("a.txt", "hello").commit("first");
        }
    }

    private static void mirror(Path from, Path to) throws Exception {
        Git.cloneRepository().setURI(from.toUri().toString()).setDirectory(to.toFile()).setBare(true).call().close();
    }

    private AnalysisConfig config(Optional<Path> ingestMirrors) {
        Path worker = dir.resolve("worker");
        return new AnalysisConfig() {
            @Override
            public Path dataDir() {
                return worker;
            }

            @Override
            public Optional<Path> ingestMirrors() {
                return ingestMirrors;
            }

            @Override
            public long blobCacheSize() {
                return 100;
            }

            @Override
            public long snapshotCacheSize() {
                return 10;
            }

            @Override
            public Optional<Integer> fileAnalysisThreads() {
                return Optional.empty();
            }

            @Override
            public long maxFileBytes() {
                return 1 << 20;
            }

            @Override
            public int maxListedFindings() {
                return 50;
            }

            @Override
            public Duration fetchTimeout() {
                return Duration.ofSeconds(30);
            }

            @Override
            public int maxPageSize() {
                return 200;
            }
        };
    }
}
