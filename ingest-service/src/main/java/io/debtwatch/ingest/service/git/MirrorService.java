package io.debtwatch.ingest.service.git;

import io.debtwatch.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jboss.logging.Logger;

/**
 * Keeps one bare mirror per repository under {@code <data-dir>/mirrors/<repoId>.git}: fetches its
 * branches with a timeout, checks the size limit, and asks remotes what they advertise.
 */
@ApplicationScoped
public class MirrorService {

    private static final Logger LOG = Logger.getLogger(MirrorService.class);
    private static final String TOKEN_USER = "x-access-token";
    private static final List<String> DAMAGE_HINTS = List.of("missing", "bad object", "corrupt",
            "internal server error", "invalid object", "did not send all necessary objects");

    private final IngestConfig config;
    private final Path root;

    public MirrorService(IngestConfig config) {
        this.config = config;
        this.root = Path.of(config.dataDir()).resolve("mirrors");
    }

    /**
     * @param repoId a repository id
     * @return where its mirror lives
     */
    public Path mirrorDir(String repoId) {
        return root.resolve(repoId + ".git");
    }

    /**
     * Opens a repository's mirror, creating it empty on first use. The caller closes it.
     *
     * @param repoId the repository id
     * @return the bare repository
     * @throws GitSyncException when the folder holds no usable repository
     */
    public Repository open(String repoId) throws GitSyncException {
        Path dir = mirrorDir(repoId);
        try {
            Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            if (!Files.exists(dir.resolve("HEAD"))) {
                Files.createDirectories(dir.getParent());
                repo.create(true);
                // gc after a fetch runs inline, so no background gc holds files when a mirror is deleted
                repo.getConfig().setBoolean("gc", null, "autoDetach", false);
                repo.getConfig().save();
            }
            return repo;
        } catch (IOException | IllegalStateException e) {
            throw new DamagedRepositoryException("mirror at " + dir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * Fetches every branch of the remote into the mirror, dropping branches the remote deleted.
     *
     * @param repoId the repository id
     * @param url    the remote, without credentials
     * @param token  an access token, may be null
     * @param branch the watched branch
     * @return the branch's tip and the mirror's state
     * @throws GitSyncException when the remote cannot be read or the mirror is damaged or too large
     */
    public FetchResult fetch(String repoId, String url, String token, String branch) throws GitSyncException {
        try (Repository repo = open(repoId); Git git = new Git(repo)) {
            git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"))
                    .setRemoveDeletedRefs(true).setTimeout(config.git().fetchTimeoutSeconds())
                    .setCredentialsProvider(credentials(token)).call();
            long size = sizeOf(mirrorDir(repoId));
            long limit = config.git().maxMirrorSizeMb() * 1024 * 1024;
            if (size > limit) {
                throw new MirrorTooLargeException("mirror is " + size / (1024 * 1024) + " MB, over the limit of "
                        + config.git().maxMirrorSizeMb() + " MB (debtwatch.ingest.git.max-mirror-size-mb)");
            }
            Ref ref = repo.exactRef(Constants.R_HEADS + branch);
            boolean empty = repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).isEmpty();
            return new FetchResult(ref == null ? null : ref.getObjectId(), empty, size);
        } catch (InvalidRemoteException e) {
            throw new RemoteUnreachableException("remote " + url + " is not a Git repository or cannot be found", e);
        } catch (TransportException e) {
            throw classify(url, e);
        } catch (GitAPIException | IOException e) {
            throw new DamagedRepositoryException("fetch from " + url + " failed: " + rootMessage(e), e);
        }
    }

    /**
     * Lists a remote's branches without fetching anything.
     *
     * @param url   the remote, without credentials
     * @param token an access token, may be null
     * @return its branches and HEAD branch
     * @throws GitSyncException when it cannot be reached
     */
    public RemoteRefs probe(String url, String token) throws GitSyncException {
        try {
            Map<String, Ref> refs = Git.lsRemoteRepository().setRemote(url).setTimeout(config.git()
                    .fetchTimeoutSeconds()).setCredentialsProvider(credentials(token)).callAsMap();
            Set<String> branches = new HashSet<>();
            for (String name : refs.keySet()) {
                if (name.startsWith(Constants.R_HEADS)) {
                    branches.add(name.substring(Constants.R_HEADS.length()));
                }
            }
            return new RemoteRefs(headBranch(refs, branches), branches);
        } catch (InvalidRemoteException e) {
            throw new RemoteUnreachableException("not a Git repository or not found", e);
        } catch (TransportException e) {
            throw classify(url, e);
        } catch (GitAPIException e) {
            throw new RemoteUnreachableException("cannot list the remote: " + rootMessage(e), e);
        }
    }

    /**
     * Removes a repository's mirror from disk. A sync still writing into it may leave files behind;
     * that sync removes the mirror itself when it finds the repository gone.
     *
     * @param repoId the repository id
     * @return whether the mirror is gone
     */
    public boolean delete(String repoId) {
        Path dir = mirrorDir(repoId);
        for (int attempt = 0; attempt < 3 && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.debugf("mirror %s changed while being deleted (%s), trying again", dir, e.getMessage());
            }
        }
        if (Files.exists(dir)) {
            LOG.warnf("mirror %s could not be deleted yet; the sync writing into it removes it", dir);
            return false;
        }
        return true;
    }

    private static String headBranch(Map<String, Ref> refs, Collection<String> branches) {
        Ref head = refs.get(Constants.HEAD);
        if (head == null) {
            return null;
        }
        if (head.isSymbolic()) {
            return Repository.shortenRefName(head.getTarget().getName());
        }
        ObjectId id = head.getObjectId();
        String match = null;
        for (String branch : branches) {
            Ref ref = refs.get(Constants.R_HEADS + branch);
            if (ref != null && id != null && id.equals(ref.getObjectId())) {
                if (branch.equals("main") || branch.equals("master")) {
                    return branch;
                }
                match = match == null || branch.compareTo(match) < 0 ? branch : match;
            }
        }
        return match;
    }

    private static GitSyncException classify(String url, TransportException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof MissingObjectException) {
                return new DamagedRepositoryException("repository is damaged, objects are missing: "
                        + rootMessage(e), e);
            }
            cause = cause.getCause();
        }
        String message = rootMessage(e).toLowerCase(java.util.Locale.ROOT);
        if (DAMAGE_HINTS.stream().anyMatch(message::contains)) {
            // the remote reached us but could not pack its objects: a partial or damaged repository
            return new DamagedRepositoryException("remote " + url + " looks damaged or partial (it failed to send"
                    + " its objects): " + rootMessage(e), e);
        }
        return new RemoteUnreachableException("remote " + url + " cannot be read: " + rootMessage(e), e);
    }

    private static CredentialsProvider credentials(String token) {
        return token == null ? null : new UsernamePasswordCredentialsProvider(TOKEN_USER, token);
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /**
     * @param e a failure
     * @return the innermost message, which is the one that says what happened
     */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
