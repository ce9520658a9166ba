package io.debtwatch.ingest.service;

import io.debtwatch.events.EventJson;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.RepositoryRegistered;
import io.debtwatch.events.Topics;
import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.ingest.messaging.OutboxPublisher;
import io.debtwatch.ingest.repository.RepositoryStore;
import io.debtwatch.service.outbox.OutboxMessage;
import io.debtwatch.ingest.repository.SyncStatus;
import io.debtwatch.ingest.repository.WatchedRepository;
import io.debtwatch.ingest.rest.RegisterRepositoryRequest;
import io.debtwatch.service.problem.FieldError;
import io.debtwatch.service.problem.Ids;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;

/** Registers repositories: validates the request, checks the remote, stores it and announces it. */
@ApplicationScoped
public class RepositoryService {

    private static final Pattern TEAM = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$");
    private static final Set<String> POLICIES = Set.of("none", "last", "daily", "all");

    private final RepositoryStore repositories;
    private final RepositoryUrls urls;
    private final GitMirrors mirrors;
    private final OutboxPublisher outbox;
    private final IngestConfig config;

    RepositoryService(RepositoryStore repositories, RepositoryUrls urls, GitMirrors mirrors, OutboxPublisher outbox,
            IngestConfig config) {
        this.repositories = repositories;
        this.urls = urls;
        this.mirrors = mirrors;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * @param org     the organisation
     * @param request what the user sent
     * @return the stored repository, due for its first sync at once
     * @throws ProblemException 400 naming the field, or 409 pointing at the repository that has the URL
     */
    public WatchedRepository register(String org, RegisterRepositoryRequest request) {
        Ids.org(org);
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object with at least 'url' is required");
        }
        String url = urls.normalise(request.url());
        validate(request);
        repositories.findByUrl(org, url).ifPresent(RepositoryService::conflict);
        RemoteInfo remote;
        try {
            remote = mirrors.inspect(url);
        } catch (GitAccessException e) {
            throw ProblemException.invalid("url", e.getMessage());
        }
        String branch = request.defaultBranch() != null ? request.defaultBranch()
                : remote.defaultBranch() != null ? remote.defaultBranch() : "main";
        if (!remote.branches().isEmpty() && !remote.branches().contains(branch)) {
            throw ProblemException.invalid("defaultBranch", "the repository has no branch '" + branch + "'");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RegisterRepositoryRequest.BackfillRequest backfill = request.backfill();
        WatchedRepository repository = new WatchedRepository(new ObjectId().toHexString(), org, request.team(),
                request.name() != null ? request.name() : nameOf(url), url, branch,
                request.pollIntervalSeconds() != null ? request.pollIntervalSeconds()
                        : (int) config.defaultPollInterval().toSeconds(),
                backfill == null || backfill.policy() == null ? "last" : backfill.policy(),
                backfill == null || backfill.count() == null ? config.defaultBackfillCount() : backfill.count(), now,
                new SyncStatus("pending", null, null, 0, now, 0, 0));
        if (!repositories.insert(repository)) {
            repositories.findByUrl(org, url).ifPresent(RepositoryService::conflict);
        }
        RepositoryRegistered event = RepositoryRegistered.of(repository.id(), org, repository.team(),
                repository.name(), url, branch, now);
        outbox.enqueue(new OutboxMessage(event.eventId(), Topics.REPOSITORIES, repository.id(),
                EventTypes.REPOSITORY_REGISTERED, EventJson.write(event), repository.id(), false));
        return repository;
    }

    /**
     * @param org an organisation
     * @param id  a repository id from a path
     * @return the repository
     * @throws ProblemException 400 for an id that is not an id, 404 when the org has no such repository
     */
    public WatchedRepository get(String org, String id) {
        return repositories.find(Ids.org(org), Ids.repoId(id)).orElseThrow(() -> ProblemException.notFound("repository", id));
    }

    /**
     * @param org an organisation
     * @param id  a repository id
     * @return the repository, now due for a sync
     */
    public WatchedRepository requestSync(String org, String id) {
        WatchedRepository repository = get(org, id);
        repositories.requestSync(id, Instant.now());
        return repository;
    }

    private static void validate(RegisterRepositoryRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.team() != null && !TEAM.matcher(request.team()).matches()) {
            errors.add(new FieldError("team", "letters, digits, spaces, '.', '_' or '-', at most 63"));
        }
        if (request.name() != null && (request.name().isBlank() || request.name().length() > 200)) {
            errors.add(new FieldError("name", "must be 1 to 200 characters"));
        }
        Integer interval = request.pollIntervalSeconds();
        if (interval != null && (interval < 30 || interval > 86_400)) {
            errors.add(new FieldError("pollIntervalSeconds", "must be between 30 and 86400"));
        }
        RegisterRepositoryRequest.BackfillRequest backfill = request.backfill();
        if (backfill != null && backfill.policy() != null && !POLICIES.contains(backfill.policy())) {
            errors.add(new FieldError("backfill.policy", "must be one of none, last, daily, all"));
        }
        if (backfill != null && backfill.count() != null && (backfill.count() < 1 || backfill.count() > 100_000)) {
            errors.add(new FieldError("backfill.count", "must be between 1 and 100000"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void conflict(WatchedRepository existing) {
        String location = "/api/v1/orgs/" + existing.org() + "/repositories/" + existing.id();
        throw ProblemException.conflict("the organisation already watches this URL",
                Map.of("existing", location, "existingId", existing.id()));
    }

    private static String nameOf(String url) {
        String trimmed = url.replaceAll("/+$", "").replaceAll("\\.git$", "");
        return trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1);
    }
}
