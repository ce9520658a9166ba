package io.debtwatch.gateway.service;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as stored: never the key itself, only its hash and a displayable prefix.
 *
 * @param id         the key's id
 * @param org        the org it belongs to
 * @param name       what its owner called it
 * @param prefix     the first characters of the key, to recognise it
 * @param hash       SHA-256 of the key, hex
 * @param scopes     what it may do
 * @param createdAt  when it was made
 * @param lastUsedAt when it last authenticated a call, null if never
 * @param revokedAt  when it was revoked, null while active
 */
public record ApiKey(String id, String org, String name, String prefix, String hash, Set<Scope> scopes,
        Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    /** @return the widest scope the key has */
    public Scope widest() {
        return scopes.stream().max(Enum::compareTo).orElse(Scope.READ);
    }
}
