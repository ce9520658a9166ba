package io.debtwatch.analysis.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.debtwatch.analysis.config.AnalysisConfig;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;

/**
 * This worker's own copy of each repository's Git objects: a bare repository per repository id that
 * fetches from the repository's URL when a commit is missing, so workers need no shared disk. Where
 * ingest's mirrors are on the same disk ({@code debtwatch.analysis.ingest-mirrors}, the local
 * profile), a repository's mirror is read in place instead: ingest emits a commit only once it is in
 * the mirror, and the copy a fetch would make (packing the whole history on the first commit) is
 * saved. The recently used repositories stay open, so their pack indexes and cached pack data serve
 * the next commit instead of being read again.
 */
@ApplicationScoped
@Startup
public class GitObjectCache {

    private static final int OPEN_REPOSITORIES = 32;

    private final AnalysisConfig config;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final Cache<String, Repository> open = Caffeine.newBuilder().maximumSize(OPEN_REPOSITORIES)
            .removalListener((String id, Repository repository, RemovalCause cause) -> {
                if (repository != null) {
                    repository.close();
                }
            }).build();

    GitObjectCache(AnalysisConfig config) {
        this.config = config;
    }

    /**
     * @param repoId the repository id
     * @param url    where to fetch from
     * @param sha    the commit that must be present
     * @return the opened repository holding the commit; the caller closes it
     * @throws AnalysisFailedException when the commit cannot be had
     */
    public Repository open(String repoId, String url, String sha) {
        synchronized (locks.computeIfAbsent(repoId, id -> new Object())) {
            try {
                ObjectId commit = ObjectId.fromString(sha);
                Repository repository = open.getIfPresent(repoId);
                if (repository != null && isIngestMirror(repository) && !repository.getObjectDatabase().has(commit)) {
                    // never fetched into: ingest owns its mirrors
                    open.invalidate(repoId);
                    repository = null;
                }
                if (repository == null) {
                    repository = ingestMirror(repoId, sha);
                    if (repository == null) {
                        repository = openOrCreate(repoId);
                    }
                    open.put(repoId, repository);
                }
                if (!repository.getObjectDatabase().has(commit)) {
                    fetch(repository, url, sha);
                }
                if (!repository.getObjectDatabase().has(commit)) {
                    throw new AnalysisFailedException("commit " + sha + " is not in " + url, null);
                }
                repository.incrementOpen();
                return repository;
            } catch (IOException | GitAPIException e) {
                throw new AnalysisFailedException("cannot open the object cache of " + repoId + ": " + e.getMessage(), e);
            }
        }
    }

    @PreDestroy
    void closeAll() {
        open.invalidateAll();
        open.cleanUp();
    }

    private boolean isIngestMirror(Repository repository) {
        return config.ingestMirrors().map(dir -> repository.getDirectory().toPath().startsWith(dir)).orElse(false);
    }

    /** Ingest's mirror of the repository when it is on this disk and holds the commit, else null. */
    private Repository ingestMirror(String repoId, String sha) throws IOException {
        if (config.ingestMirrors().isEmpty()) {
            return null;
        }
        Path dir = config.ingestMirrors().get().resolve(repoId + ".git");
        if (!Files.exists(dir.resolve("HEAD"))) {
            return null;
        }
        Repository mirror = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        if (mirror.getObjectDatabase().has(ObjectId.fromString(sha))) {
            return mirror;
        }
        mirror.close();
        return null;
    }

    private Repository openOrCreate(String repoId) throws IOException, GitAPIException {
        Path dir = config.dataDir().resolve("objects").resolve(repoId + ".git");
        if (!Files.exists(dir.resolve("HEAD"))) {
            Files.createDirectories(dir);
            Git.init().setBare(true).setDirectory(dir.toFile()).call().close();
        }
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    }

    private void fetch(Repository repository, String url, String sha) {
        try (Git git = new Git(repository)) {
            git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"))
                    .setTimeout((int) Math.max(1, config.fetchTimeout().toSeconds())).call();
        } catch (GitAPIException | RuntimeException e) {
            throw new GitFetchException("cannot fetch " + sha + " from " + url + ": " + e.getMessage(), e);
        }
    }
}
