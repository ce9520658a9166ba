package io.debtwatch.ingest.service;

import io.debtwatch.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;

/** Bare mirrors of the watched repositories under the data directory, one per repository id. */
@ApplicationScoped
public class GitMirrors {

    private static final String HEADS = Constants.R_HEADS;

    private final IngestConfig config;

    GitMirrors(IngestConfig config) {
        this.config = config;
    }

    /**
     * Asks the remote what it has, without fetching objects.
     *
     * @param url the clone URL
     * @return its default branch and branches
     * @throws GitAccessException when the remote cannot be read
     */
    public RemoteInfo inspect(String url) throws GitAccessException {
        try {
            Collection<Ref> refs = Git.lsRemoteRepository().setRemote(url).setTimeout(timeoutSeconds()).call();
            Set<String> branches = refs.stream().map(Ref::getName).filter(n -> n.startsWith(HEADS))
                    .map(n -> n.substring(HEADS.length())).collect(Collectors.toSet());
            String head = refs.stream().filter(r -> r.getName().equals(Constants.HEAD) && r.isSymbolic())
                    .map(r -> r.getTarget().getName()).filter(n -> n.startsWith(HEADS))
                    .map(n -> n.substring(HEADS.length())).findFirst()
                    .orElse(branches.contains("main") ? "main" : branches.stream().sorted().findFirst().orElse(null));
            return new RemoteInfo(head, branches);
        } catch (GitAPIException | RuntimeException e) {
            throw new GitAccessException("cannot read a Git repository at this URL: " + rootMessage(e), e);
        }
    }

    /**
     * Fetches every branch of the remote into the repository's mirror, creating the mirror first.
     *
     * @param repoId the repository id
     * @param url    the clone URL
     * @return the opened mirror; the caller closes it
     * @throws GitAccessException when the fetch fails
     */
    public Repository fetch(String repoId, String url) throws GitAccessException {
        Path dir = config.dataDir().resolve("mirrors").resolve(repoId + ".git");
        try {
            if (!Files.exists(dir.resolve("HEAD"))) {
                Files.createDirectories(dir);
                Git.init().setBare(true).setDirectory(dir.toFile()).call().close();
            }
            Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
            try (Git git = new Git(repository)) {
                git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"))
                        .setRemoveDeletedRefs(true).setTimeout(timeoutSeconds()).call();
            } catch (GitAPIException | RuntimeException e) {
                repository.close();
                throw e;
            }
            return repository;
        } catch (IOException | GitAPIException | RuntimeException e) {
            throw new GitAccessException("fetch failed: " + rootMessage(e), e);
        }
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, config.fetchTimeout().toSeconds());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
