package io.debtwatch.ingest.service.git;

import io.debtwatch.ingest.config.IngestConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.eclipse.jgit.transport.RefSpec;
import org.jboss.logging.Logger;

/**
 * Keeps one bare mirror per repository under {@code <data-dir>/mirrors/<repoId>.git}: fetches its
 * branches with a timeout, checks the size limit, and asks remotes what they advertise.
 */
@ApplicationScoped
public class MirrorService {

    private static final Logger LOG = Logger.getLogger(MirrorService.class);
    private static final List<String> DAMAGE_HINTS = List.of("missing", "bad object", "corrupt",
            "internal server error", "invalid object", "did not send all necessary objects");
    private static final List<String> TIMEOUT_HINTS = List.of("timed out", "timeout");
    private static final List<String> AUTH_HINTS = List.of("authentication", "not authorized", "cannot log in",
            "permission denied", "access denied");

    private final IngestConfig config;
    private final Path root;
    private final Path sshSandbox;
    private final Path knownHosts;
    private final ExecutorService sshConnects = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ingest-ssh-connect");
        thread.setDaemon(true);
        return thread;
    });

    public MirrorService(IngestConfig config) {
        this.config = config;
        this.root = Path.of(config.dataDir()).resolve("mirrors");
        // an empty folder JGit's SSH client may treat as home and ~/.ssh: it holds nothing to read
        this.sshSandbox = Path.of(config.dataDir()).resolve("ssh-home").toAbsolutePath();
        this.knownHosts = config.ssh().knownHosts().filter(p -> !p.isBlank()).map(p -> Path.of(p).toAbsolutePath())
                .orElse(null);
    }

    @PreDestroy
    void stop() {
        sshConnects.shutdownNow();
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
     * @param url         the remote, without credentials
     * @param credentials a token or SSH key to present, or {@link GitCredentials#NONE}
     * @param branch      the watched branch
     * @return the branch's tip and the mirror's state
     * @throws GitSyncException when the remote cannot be read or the mirror is damaged or too large
     */
    public FetchResult fetch(String repoId, String url, GitCredentials credentials, String branch)
            throws GitSyncException {
        TransportSetup setup = setup(credentials);
        try (setup; Repository repo = open(repoId); Git git = new Git(repo)) {
            git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"))
                    .setRemoveDeletedRefs(true).setTimeout(config.git().fetchTimeoutSeconds())
                    .setCredentialsProvider(setup.https()).setTransportConfigCallback(setup).call();
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
            throw classify(url, e, setup);
        } catch (GitAPIException | IOException e) {
            throw new DamagedRepositoryException("fetch from " + url + " failed: " + rootMessage(e), e);
        }
    }

    /**
     * Lists a remote's branches without fetching anything.
     *
     * @param url         the remote, without credentials
     * @param credentials a token or SSH key to present, or {@link GitCredentials#NONE}
     * @return its branches and HEAD branch
     * @throws GitSyncException when it cannot be reached
     */
    public RemoteRefs probe(String url, GitCredentials credentials) throws GitSyncException {
        TransportSetup setup = setup(credentials);
        try (setup) {
            Map<String, Ref> refs = Git.lsRemoteRepository().setRemote(url).setTimeout(config.git()
                    .fetchTimeoutSeconds()).setCredentialsProvider(setup.https()).setTransportConfigCallback(setup)
                    .callAsMap();
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
            throw classify(url, e, setup);
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

    private TransportSetup setup(GitCredentials credentials) throws GitSyncException {
        try {
            Files.createDirectories(sshSandbox);
        } catch (IOException e) {
            throw new DamagedRepositoryException("cannot create " + sshSandbox + ": " + e.getMessage(), e);
        }
        return new TransportSetup(credentials, sshSandbox, knownHosts, sshConnects);
    }

    private GitSyncException classify(String url, TransportException e, TransportSetup setup) {
        if (setup.sshProblem() != null) {
            return new RemoteUnreachableException("remote " + url + " refused: " + setup.sshProblem(), e);
        }
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof MissingObjectException) {
                return new DamagedRepositoryException("repository is damaged, objects are missing: "
                        + rootMessage(e), e);
            }
            if (cause instanceof SocketTimeoutException) {
                return timedOut(url, e);
            }
            cause = cause.getCause();
        }
        // the URL itself is no hint: a repository may well be called "auth-timeout"
        String message = rootMessage(e).replace(url, "").toLowerCase(Locale.ROOT);
        if (TIMEOUT_HINTS.stream().anyMatch(message::contains)) {
            return timedOut(url, e);
        }
        if (AUTH_HINTS.stream().anyMatch(message::contains)) {
            return new RemoteUnreachableException("remote " + url + " refused the credentials (authentication"
                    + " failed: check the repository's access token or SSH key): " + rootMessage(e), e);
        }
        if (DAMAGE_HINTS.stream().anyMatch(message::contains)) {
            // the remote reached us but could not pack its objects: a partial or damaged repository
            return new DamagedRepositoryException("remote " + url + " looks damaged or partial (it failed to send"
                    + " its objects): " + rootMessage(e), e);
        }
        return new RemoteUnreachableException("remote " + url + " cannot be read: " + rootMessage(e), e);
    }

    private GitSyncException timedOut(String url, TransportException e) {
        return new RemoteUnreachableException("remote " + url + " did not answer within "
                + config.git().fetchTimeoutSeconds() + " s (debtwatch.ingest.git.fetch-timeout-seconds): "
                + rootMessage(e), e);
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
