package io.debtwatch.gateway.service;

/**
 * Who is calling, once a key is verified.
 *
 * @param keyId the key's id ({@code bootstrap} for the configured admin key)
 * @param org   the org the key belongs to
 * @param scope the widest scope of the key
 */
public record Caller(String keyId, String org, Scope scope) {

    /** The id of the configured bootstrap admin key. */
    public static final String BOOTSTRAP_ID = "bootstrap";

    /** @return whether this is the operator's bootstrap key from configuration */
    public boolean bootstrap() {
        return BOOTSTRAP_ID.equals(keyId);
    }
}
