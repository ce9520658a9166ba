package io.debtwatch.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.debtwatch.events.EventJson;
import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.ingest.repository.RepositoryEntity;
import io.debtwatch.ingest.repository.RepositoryStore;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * GitHub and GitLab push hooks: find the watched repositories the payload names, accept only those
 * whose (or whose org's) secret the request proves, and start their sync at once when the push
 * went to the watched branch. Tag pushes and other branches change nothing.
 */
@ApplicationScoped
public class HookService {

    private static final Logger LOG = Logger.getLogger(HookService.class);
    private static final String HEADS = "refs/heads/";

    private final RepositoryStore repositories;
    private final SecretCipher cipher;
    private final SyncScheduler scheduler;
    private final IngestConfig config;

    public HookService(RepositoryStore repositories, SecretCipher cipher, SyncScheduler scheduler,
            IngestConfig config) {
        this.repositories = repositories;
        this.cipher = cipher;
        this.scheduler = scheduler;
        this.config = config;
    }

    /**
     * @param event     {@code X-GitHub-Event}
     * @param signature {@code X-Hub-Signature-256}
     * @param body      the raw body
     * @return what the hook did
     * @throws ProblemException 401 when no watched repository's secret proves the signature
     */
    public HookOutcome github(String event, String signature, byte[] body) {
        requireCredential(signature, "X-Hub-Signature-256");
        JsonNode payload = parse(body);
        JsonNode repo = payload.path("repository");
        List<String> urls = texts(repo, "clone_url", "ssh_url", "html_url", "git_url", "svn_url");
        Predicate<String> proves = secret -> HookSignatures.githubMatches(secret, body, signature);
        if (urls.isEmpty() && "ping".equals(event)) {
            return orgPing(proves);
        }
        List<RepositoryEntity> verified = verified(urls, proves);
        return switch (Objects.requireNonNullElse(event, "")) {
            case "ping" -> new HookOutcome("pong", payload.path("zen").asText("pong"), ids(verified));
            case "push" -> push(verified, payload.path("ref").asText(""));
            default -> HookOutcome.ignored("event '" + event + "' does not change a watched branch");
        };
    }

    /**
     * @param event {@code X-Gitlab-Event}
     * @param token {@code X-Gitlab-Token}
     * @param body  the raw body
     * @return what the hook did
     * @throws ProblemException 401 when no watched repository's secret equals the token
     */
    public HookOutcome gitlab(String event, String token, byte[] body) {
        requireCredential(token, "X-Gitlab-Token");
        JsonNode payload = parse(body);
        JsonNode project = payload.path("project");
        List<String> urls = texts(project, "git_http_url", "git_ssh_url", "web_url", "http_url", "ssh_url", "url");
        urls.addAll(texts(payload.path("repository"), "git_http_url", "git_ssh_url", "homepage", "url"));
        List<RepositoryEntity> verified = verified(urls, secret -> HookSignatures.gitlabMatches(secret, token));
        String kind = payload.path("object_kind").asText(Objects.requireNonNullElse(event, ""));
        return switch (kind) {
            case "push", "Push Hook" -> push(verified, payload.path("ref").asText(""));
            case "tag_push", "Tag Push Hook" -> HookOutcome.ignored("tag pushes are not analysed");
            default -> HookOutcome.ignored("event '" + kind + "' does not change a watched branch");
        };
    }

    private HookOutcome push(List<RepositoryEntity> verified, String ref) {
        if (!ref.startsWith(HEADS)) {
            return HookOutcome.ignored("push to " + ref + " is not a branch");
        }
        String branch = ref.substring(HEADS.length());
        List<String> triggered = new ArrayList<>();
        for (RepositoryEntity repo : verified) {
            if (repo.defaultBranch().equals(branch)) {
                scheduler.syncNow(repo.id());
                triggered.add(repo.id());
            }
        }
        if (triggered.isEmpty()) {
            return HookOutcome.ignored("branch '" + branch + "' is not watched");
        }
        LOG.infof("push hook on %s started sync of %s", branch, triggered);
        return new HookOutcome("sync", "push to watched branch '" + branch + "'", triggered);
    }

    private List<RepositoryEntity> verified(List<String> urls, Predicate<String> proves) {
        Set<String> keys = new LinkedHashSet<>();
        for (String url : urls) {
            String key = UrlValidator.keyOf(url);
            if (key != null) {
                keys.add(key);
            }
        }
        List<RepositoryEntity> verified = new ArrayList<>();
        for (String key : keys) {
            for (RepositoryEntity repo : repositories.findAllByUrlKey(key)) {
                if (proves.test(cipher.decrypt(repo.sealedHookSecret(), repo.id()))
                        || proves.test(config.orgHookSecrets().get(repo.org()))) {
                    verified.add(repo);
                }
            }
        }
        if (verified.isEmpty()) {
            throw unauthorized("the signature matches no watched repository's hook secret");
        }
        return verified;
    }

    private HookOutcome orgPing(Predicate<String> proves) {
        for (Map.Entry<String, String> org : config.orgHookSecrets().entrySet()) {
            if (proves.test(org.getValue())) {
                return new HookOutcome("pong", "organisation hook of " + org.getKey(), List.of());
            }
        }
        throw unauthorized("the signature matches no organisation hook secret");
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("body", "a JSON payload is required");
        }
        if (body.length > config.maxHookBodyBytes()) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "hook payloads are limited to " + config.maxHookBodyBytes() + " bytes", List.of(), Map.of());
        }
        try {
            JsonNode node = EventJson.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw ProblemException.invalid("body", "must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ProblemException.invalid("body", "unreadable: " + e.getMessage());
        }
    }

    private static void requireCredential(String value, String header) {
        if (value == null || value.isBlank()) {
            throw unauthorized("missing " + header + " header");
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail, List.of(), Map.of());
    }

    private static List<String> texts(JsonNode node, String... fields) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            String value = node.path(field).asText(null);
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        }
        return values;
    }

    private static List<String> ids(List<RepositoryEntity> repos) {
        return repos.stream().map(RepositoryEntity::id).toList();
    }
}
