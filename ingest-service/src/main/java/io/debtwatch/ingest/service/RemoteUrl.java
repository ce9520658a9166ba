package io.debtwatch.ingest.service;

/**
 * A repository URL that passed validation.
 *
 * @param url   the URL to fetch from, without credentials
 * @param key   a normalised form that is equal for the same repository written differently
 *              ({@code https://github.com/a/b.git} and {@code git@github.com:a/b} both give {@code github.com/a/b})
 * @param host  the host, null for a local repository
 * @param local whether it is a local path or file:// URL
 */
public record RemoteUrl(String url, String key, String host, boolean local) {
}
