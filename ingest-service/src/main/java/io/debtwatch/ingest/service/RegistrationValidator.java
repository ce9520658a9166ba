package io.debtwatch.ingest.service;

import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.ingest.rest.BackfillRequest;
import io.debtwatch.ingest.rest.PatchRequest;
import io.debtwatch.ingest.rest.RegisterRequest;
import io.debtwatch.ingest.service.git.SshKeys;
import io.debtwatch.service.problem.FieldError;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks registration and patch requests, naming every invalid field in one problem. */
@ApplicationScoped
public class RegistrationValidator {

    private static final Pattern ORG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final Pattern REPO_ID = Pattern.compile("^[0-9a-f]{24}$");
    private static final Pattern BRANCH = Pattern.compile("^(?!/)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,200}(?<!/)(?<!\\.lock)$");
    private static final Set<String> POLICIES = Set.of("none", "last", "daily", "all");
    private static final int MAX_TEXT = 200;
    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_SSH_KEY = 16_384;

    private final UrlValidator urls;
    private final IngestConfig config;

    public RegistrationValidator(UrlValidator urls, IngestConfig config) {
        this.urls = urls;
        this.config = config;
    }

    /**
     * A registration request that passed every check.
     *
     * @param remote              the validated URL
     * @param name                the display name
     * @param pollIntervalSeconds the poll interval
     * @param backfillPolicy      the backfill policy
     * @param backfillCount       its count, 0 for none
     */
    public record Registration(RemoteUrl remote, String name, int pollIntervalSeconds, String backfillPolicy,
            int backfillCount) {
    }

    /**
     * @param org     the organisation from the path
     * @param request the body
     * @return the checked registration
     * @throws ProblemException a 400 naming each invalid field
     */
    public Registration validate(String org, RegisterRequest request) {
        checkOrg(org);
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        RemoteUrl remote = null;
        try {
            remote = urls.validate("url", request.url());
        } catch (ProblemException e) {
            errors.add(new FieldError("url", e.getMessage().replaceFirst("^url: ", "")));
        }
        text(errors, "team", request.team(), true);
        text(errors, "name", request.name(), false);
        branch(errors, request.defaultBranch());
        int interval = interval(errors, request.pollIntervalSeconds());
        BackfillRequest backfill = request.backfill() == null ? new BackfillRequest("last", null) : request.backfill();
        String policy = backfill.policy() == null ? "last" : backfill.policy();
        if (!POLICIES.contains(policy)) {
            errors.add(new FieldError("backfill.policy", "must be one of none, last, daily, all"));
        }
        int count = backfill.count() == null ? (policy.equals("last") ? config.backfill().defaultCount() : 0)
                : backfill.count();
        if (backfill.count() != null && (count < 1 || count > 1_000_000)) {
            errors.add(new FieldError("backfill.count", "must be between 1 and 1000000"));
        }
        secret(errors, "accessToken", request.accessToken());
        secret(errors, "hookSecret", request.hookSecret());
        if (remote != null) {
            sshKey(errors, request.sshPrivateKey(), remote.url());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String name = request.name() == null || request.name().isBlank() ? defaultName(remote.url())
                : request.name().trim();
        return new Registration(remote, name, interval, policy, count);
    }

    /**
     * @param request a patch body
     * @param url     the repository's URL
     * @throws ProblemException a 400 naming each invalid field
     */
    public void validatePatch(PatchRequest request, String url) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.team() != null) {
            text(errors, "team", request.team(), true);
        }
        text(errors, "name", request.name(), false);
        branch(errors, request.defaultBranch());
        if (request.pollIntervalSeconds() != null) {
            interval(errors, request.pollIntervalSeconds());
        }
        secret(errors, "accessToken", request.accessToken());
        secret(errors, "hookSecret", request.hookSecret());
        sshKey(errors, request.sshPrivateKey(), url);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * @param org the organisation from the path
     * @param id  the repository id from the path
     */
    public void checkIds(String org, String id) {
        checkOrg(org);
        if (id == null || !REPO_ID.matcher(id).matches()) {
            throw ProblemException.notFound("repository", id);
        }
    }

    /**
     * @param org  the organisation
     * @param page the page, from 0
     * @param size the page size
     */
    public void checkPage(String org, int page, int size) {
        checkOrg(org);
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void checkOrg(String org) {
        if (org == null || !ORG.matcher(org).matches()) {
            throw ProblemException.invalid("org", "must match ^[a-z0-9][a-z0-9-]{0,62}$");
        }
    }

    private int interval(List<FieldError> errors, Integer requested) {
        int min = config.polling().minIntervalSeconds();
        int max = config.polling().maxIntervalSeconds();
        int interval = requested == null ? config.polling().defaultIntervalSeconds() : requested;
        if (interval < min || interval > max) {
            errors.add(new FieldError("pollIntervalSeconds", "must be between " + min + " and " + max));
        }
        return interval;
    }

    private static void text(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required || value != null) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static void branch(List<FieldError> errors, String branch) {
        if (branch != null && !BRANCH.matcher(branch).matches()) {
            errors.add(new FieldError("defaultBranch", "is not a valid branch name"));
        }
    }

    private static void secret(List<FieldError> errors, String field, String value) {
        if (value != null && value.length() > 1000) {
            errors.add(new FieldError(field, "must be at most 1000 characters"));
        }
    }

    private static void sshKey(List<FieldError> errors, String key, String url) {
        if (key == null || key.isBlank()) {
            // absent, or on a patch the removal of the stored key
            return;
        }
        if (!UrlValidator.isSsh(url)) {
            errors.add(new FieldError("sshPrivateKey", "only for ssh:// and git@host:path URLs: an https"
                    + " repository takes an accessToken"));
        } else if (key.length() > MAX_SSH_KEY) {
            errors.add(new FieldError("sshPrivateKey", "must be at most " + MAX_SSH_KEY + " characters"));
        } else {
            try {
                SshKeys.parse(key);
            } catch (GeneralSecurityException e) {
                errors.add(new FieldError("sshPrivateKey", "is not usable: " + e.getMessage()));
            }
        }
    }

    private static String defaultName(String url) {
        String trimmed = url.replaceAll("[/\\\\]+$", "").replaceAll("\\.git$", "");
        int cut = Math.max(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')), trimmed.lastIndexOf('\\'));
        return trimmed.substring(cut + 1);
    }
}
