package io.debtwatch.gateway.service;

import java.util.Locale;
import java.util.Optional;

/** What an API key may do; each scope includes the ones before it. */
public enum Scope {
    /** Read scores, reports, repositories and webhooks. */
    READ,
    /** Also register and sync repositories and manage webhooks. */
    WRITE,
    /** Also manage API keys and start re-analysis. */
    ADMIN;

    /**
     * @param needed the scope a call needs
     * @return whether a key with this scope may make it
     */
    public boolean covers(Scope needed) {
        return ordinal() >= needed.ordinal();
    }

    /** @return the name used in the API */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a scope as written in the API
     * @return the scope, empty when there is none of that name
     */
    public static Optional<Scope> parse(String name) {
        for (Scope scope : values()) {
            if (scope.apiName().equals(name)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
