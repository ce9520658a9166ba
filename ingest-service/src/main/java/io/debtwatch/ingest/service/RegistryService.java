package io.debtwatch.ingest.service;

import com.mongodb.client.model.Updates;
import io.debtwatch.ingest.repository.BackfillState;
import io.debtwatch.ingest.repository.OutboxRepository;
import io.debtwatch.ingest.repository.RepositoryEntity;
import io.debtwatch.ingest.repository.RepositoryStore;
import io.debtwatch.ingest.repository.SyncState;
import io.debtwatch.ingest.rest.PatchRequest;
import io.debtwatch.ingest.rest.RegisterRequest;
import io.debtwatch.ingest.service.git.GitCredentials;
import io.debtwatch.ingest.service.git.GitSyncException;
import io.debtwatch.ingest.service.git.MirrorService;
import io.debtwatch.ingest.service.git.RemoteRefs;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The repository registry: register (validated, probed, deduplicated per org), read, change and
 * delete repositories, recording their lifecycle events in the outbox.
 */
@ApplicationScoped
public class RegistryService {

    private final RepositoryStore repositories;
    private final OutboxRepository outbox;
    private final RegistrationValidator validator;
    private final MirrorService mirrors;
    private final SecretCipher cipher;
    private final SyncScheduler scheduler;

    public RegistryService(RepositoryStore repositories, OutboxRepository outbox, RegistrationValidator validator,
            MirrorService mirrors, SecretCipher cipher, SyncScheduler scheduler) {
        this.repositories = repositories;
        this.outbox = outbox;
        this.validator = validator;
        this.mirrors = mirrors;
        this.cipher = cipher;
        this.scheduler = scheduler;
    }

    /**
     * @param org     the organisation
     * @param request what the user sent
     * @return the registered repository, whose first sync has started
     */
    public RepositoryEntity register(String org, RegisterRequest request) {
        RegistrationValidator.Registration valid = validator.validate(org, request);
        repositories.findByUrlKey(org, valid.remote().key()).ifPresent(existing -> {
            throw duplicate(org, existing);
        });
        String branch = resolveBranch(valid.remote().url(), new GitCredentials(blankToNull(request.accessToken()),
                blankToNull(request.sshPrivateKey())), request.defaultBranch());
        String id = new ObjectId().toHexString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RepositoryEntity entity = new RepositoryEntity(id, org, request.team().trim(), valid.name(),
                valid.remote().url(), valid.remote().key(), valid.remote().local(), valid.remote().host(), branch,
                valid.pollIntervalSeconds(), now, cipher.encrypt(blankToNull(request.accessToken()), id),
                cipher.encrypt(blankToNull(request.hookSecret()), id),
                cipher.encrypt(blankToNull(request.sshPrivateKey()), id), SyncState.initial(now),
                BackfillState.pending(valid.backfillPolicy(), valid.backfillCount()));
        if (!repositories.insert(entity)) {
            throw duplicate(org, repositories.findByUrlKey(org, valid.remote().key()).orElseThrow());
        }
        outbox.record(List.of(OutboxEvents.registered(entity)));
        scheduler.syncNow(id);
        return entity;
    }

    public RepositoryEntity get(String org, String id) {
        validator.checkIds(org, id);
        return repositories.find(org, id).orElseThrow(() -> ProblemException.notFound("repository", id));
    }

    public List<RepositoryEntity> list(String org, String team, int page, int size) {
        validator.checkPage(org, page, size);
        return repositories.list(org, team, page, size);
    }

    public long count(String org, String team) {
        return repositories.count(org, team);
    }

    /**
     * @param org     the organisation
     * @param id      the repository
     * @param request the fields to change
     * @return the repository after the change
     */
    public RepositoryEntity patch(String org, String id, PatchRequest request) {
        RepositoryEntity current = get(org, id);
        validator.validatePatch(request, current.url());
        List<Bson> updates = new ArrayList<>();
        Optional.ofNullable(request.team()).ifPresent(t -> updates.add(Updates.set("team", t.trim())));
        Optional.ofNullable(request.name()).ifPresent(n -> updates.add(Updates.set("name", n.trim())));
        Optional.ofNullable(request.pollIntervalSeconds())
                .ifPresent(p -> updates.add(Updates.set("pollIntervalSeconds", p)));
        if (request.accessToken() != null) {
            updates.add(Updates.set("sealedToken", cipher.encrypt(blankToNull(request.accessToken()), id)));
        }
        if (request.sshPrivateKey() != null) {
            updates.add(Updates.set("sealedSshKey", cipher.encrypt(blankToNull(request.sshPrivateKey()), id)));
        }
        if (request.hookSecret() != null) {
            updates.add(Updates.set("sealedHookSecret", cipher.encrypt(blankToNull(request.hookSecret()), id)));
        }
        if (request.defaultBranch() != null && !request.defaultBranch().equals(current.defaultBranch())) {
            String token = request.accessToken() != null ? blankToNull(request.accessToken())
                    : cipher.decrypt(current.sealedToken(), id);
            String key = request.sshPrivateKey() != null ? blankToNull(request.sshPrivateKey())
                    : cipher.decrypt(current.sealedSshKey(), id);
            updates.add(Updates.set("defaultBranch", resolveBranch(current.url(), new GitCredentials(token, key),
                    request.defaultBranch())));
            // a new branch is a new line of history: its backfill is planned again under the same policy
            updates.add(Updates.set("sync.lastTip", null));
            repositories.saveBackfill(id, BackfillState.pending(current.backfill().policy(),
                    current.backfill().count()));
        }
        if (!updates.isEmpty() && !repositories.update(org, id, Updates.combine(updates))) {
            throw ProblemException.notFound("repository", id);
        }
        if (request.defaultBranch() != null || request.accessToken() != null || request.sshPrivateKey() != null) {
            scheduler.syncNow(id);
        }
        return get(org, id);
    }

    /**
     * Stops watching a repository and records {@code RepositoryDeleted}; its mirror goes too.
     *
     * @param org   the organisation
     * @param id    the repository
     * @param purge whether downstream services must drop its recorded history
     */
    public void delete(String org, String id, boolean purge) {
        RepositoryEntity current = get(org, id);
        outbox.record(List.of(OutboxEvents.deleted(current, purge, Instant.now())));
        if (!repositories.delete(org, id)) {
            throw ProblemException.notFound("repository", id);
        }
        mirrors.delete(id);
    }

    /**
     * Starts a sync at once.
     *
     * @param org the organisation
     * @param id  the repository
     * @return the repository
     */
    public RepositoryEntity syncNow(String org, String id) {
        RepositoryEntity current = get(org, id);
        scheduler.syncNow(id);
        return current;
    }

    private String resolveBranch(String url, GitCredentials credentials, String requested) {
        RemoteRefs refs;
        try {
            refs = mirrors.probe(url, credentials);
        } catch (GitSyncException e) {
            throw ProblemException.invalid("url", "cannot be reached: " + e.getMessage());
        }
        if (requested != null && !requested.isBlank()) {
            if (!refs.branches().isEmpty() && !refs.branches().contains(requested)) {
                throw ProblemException.invalid("defaultBranch", "no branch '" + requested + "' in the repository");
            }
            return requested;
        }
        if (refs.head() != null) {
            return refs.head();
        }
        return refs.branches().contains("main") || refs.branches().isEmpty() ? "main"
                : refs.branches().stream().sorted().findFirst().orElse("main");
    }

    private static ProblemException duplicate(String org, RepositoryEntity existing) {
        String location = "/api/v1/orgs/" + org + "/repositories/" + existing.id();
        return ProblemException.conflict("this URL is already registered in " + org + " as " + existing.id(),
                Map.of("existingId", existing.id(), "existing", location));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
