package io.debtwatch.gateway.service;

/**
 * Who is calling, once a key is verified.
 *
 * @param keyId the key's id ({@code bootstrap} for the configured admin key)
 * @param org   the org the key belongs to
 * @param scope the widest scope of the key
 */
public record Caller(String keyId, String org, Scope scope) {
}
