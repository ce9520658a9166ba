package io.debtwatch.gateway.service;

import io.debtwatch.gateway.config.GatewayConfig;
import io.debtwatch.gateway.repository.ApiKeyRepository;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Issues, verifies, lists and revokes API keys. A key is 32 random bytes, shown once; only its SHA-256
 * is stored (a fast hash is enough for a secret with 256 bits of entropy). Every verification reads the
 * database, so a revocation takes effect on the next call.
 */
@ApplicationScoped
public class ApiKeyService {

    /** Every key starts with this, so leaked keys are easy to spot in code and logs. */
    public static final String KEY_PREFIX = "dwk_";

    private static final int SHOWN_PREFIX_LENGTH = 12;

    private final ApiKeyRepository repository;
    private final GatewayConfig config;
    private final RateLimiter limiter;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    ApiKeyService(ApiKeyRepository repository, GatewayConfig config, RateLimiter limiter) {
        this.repository = repository;
        this.config = config;
        this.limiter = limiter;
    }

    /**
     * @param org    the org the key is for
     * @param name   what the owner calls it
     * @param scopes what it may do
     * @return the stored key and the key itself, which is not kept anywhere
     */
    public IssuedKey issue(String org, String name, Set<Scope> scopes) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey stored = repository.insert(new ApiKey(null, org, name, key.substring(0, SHOWN_PREFIX_LENGTH),
                sha256(key), Set.copyOf(scopes), clock.instant(), null, null));
        return new IssuedKey(stored, key);
    }

    /**
     * @param presented the bearer token of a request
     * @return the caller, empty when the key is unknown or revoked
     */
    public Optional<Caller> authenticate(String presented) {
        Optional<String> bootstrap = config.bootstrapAdminKey().filter(key -> !key.isBlank());
        if (bootstrap.isPresent() && MessageDigest.isEqual(bootstrap.get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Caller(Caller.BOOTSTRAP_ID, config.bootstrapOrg(), Scope.ADMIN));
        }
        if (!presented.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiKey> key = repository.findActiveByHash(sha256(presented));
        key.ifPresent(found -> {
            Instant now = clock.instant();
            repository.touch(found.id(), now, now.minus(config.auth().lastUsedResolution()));
        });
        return key.map(found -> new Caller(found.id(), found.org(), found.widest()));
    }

    /**
     * The bootstrap key may open an org that has no key yet by issuing its first keys; once the org has
     * an active key, the org's own admins manage its keys and the bootstrap key sees nothing of it.
     *
     * @param caller the verified caller
     * @param org    the org of the path
     * @return whether this call is the onboarding of a new org by the operator
     */
    public boolean mayOnboard(Caller caller, String org) {
        return caller.bootstrap() && !repository.hasActiveKey(org);
    }

    /**
     * @param org an org
     * @return its keys, newest first
     */
    public List<ApiKey> list(String org) {
        return repository.list(org);
    }

    /**
     * @param org the org of the path
     * @param id  the key's id
     * @return the key
     * @throws ProblemException 404 when the org has no such key
     */
    public ApiKey get(String org, String id) {
        return repository.find(org, id).orElseThrow(() -> ProblemException.notFound("API key", id));
    }

    /**
     * @param org the org of the path
     * @param id  the key's id
     * @throws ProblemException 404 when the org has no such active key
     */
    public void revoke(String org, String id) {
        if (!repository.revoke(org, id, clock.instant())) {
            throw ProblemException.notFound("API key", id);
        }
        limiter.forget(id);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * A key just made.
     *
     * @param stored what is stored about it
     * @param key    the key itself, shown once
     */
    public record IssuedKey(ApiKey stored, String key) {
    }
}
