package io.debtwatch.ingest.service;

import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a repository URL a user gave before the platform connects to it, and normalises it. */
@ApplicationScoped
public class RepositoryUrls {

    private static final Pattern SCP_LIKE = Pattern.compile("^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._/~-]+$");

    private final IngestConfig config;

    RepositoryUrls(IngestConfig config) {
        this.config = config;
    }

    /**
     * @param raw the URL as given
     * @return the URL to store and fetch from
     * @throws ProblemException 400 naming {@code url} when it is missing, malformed, of an unsupported
     *                          scheme, or local where local repositories are not allowed
     */
    public String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalid("url", "is required");
        }
        String url = raw.strip();
        if (SCP_LIKE.matcher(url).matches()) {
            return url;
        }
        if (url.startsWith("/") || url.toLowerCase(Locale.ROOT).startsWith("file:")) {
            return local(url);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("ssh")) {
            throw ProblemException.invalid("url", "unsupported scheme '" + scheme
                    + "': use https://, ssh:// or git@host:path");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.invalid("url", "has no host");
        }
        if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
            throw ProblemException.invalid("url", "must not carry credentials; send an access token instead");
        }
        return uri.toString();
    }

    private String local(String url) {
        if (!config.allowLocalRepositories()) {
            throw ProblemException.invalid("url", "local repositories are not allowed here; use https:// or ssh://");
        }
        Path path;
        try {
            path = url.startsWith("/") ? Path.of(url) : Path.of(new URI(url));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw ProblemException.invalid("url", "is not a valid file URL");
        }
        if (!Files.isDirectory(path)) {
            throw ProblemException.invalid("url", "no folder at " + path);
        }
        return path.toAbsolutePath().normalize().toString();
    }
}
