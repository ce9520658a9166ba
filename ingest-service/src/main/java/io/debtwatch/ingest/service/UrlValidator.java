package io.debtwatch.ingest.service;

import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which repository URLs may be fetched: https, ssh:// and scp-like {@code git@host:path}
 * always; local paths and file:// only when local repositories are allowed; and, when they are not
 * (production), no host that resolves to a loopback, private, link-local or metadata address unless
 * it is on the allowlist (SSRF).
 */
@ApplicationScoped
public class UrlValidator {

    private static final Pattern SCP_LIKE = Pattern.compile("^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+):(?!//)(.+)$");
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "instance-data", "metadata.azure.com");

    private final boolean allowLocal;
    private final List<String> allowlist;

    public UrlValidator(IngestConfig config) {
        this.allowLocal = config.allowLocalRepositories();
        this.allowlist = config.urlAllowlist().orElse(List.of()).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /**
     * @param field the request field the URL came from, named in problems
     * @param raw   the URL as the user wrote it
     * @return the validated URL
     * @throws ProblemException a 400 naming the field when the URL may not be used
     */
    public RemoteUrl validate(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        String url = raw.trim();
        Matcher scp = SCP_LIKE.matcher(url);
        if (scp.matches()) {
            String host = scp.group(2).toLowerCase(Locale.ROOT);
            checkHost(field, host, 22);
            return new RemoteUrl(url, key(host, scp.group(3)), host, false);
        }
        if (url.startsWith("/") || url.matches("^[A-Za-z]:[\\\\/].*")) {
            return local(field, url, pathOf(field, url));
        }
        URI uri = parse(field, url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "https", "ssh" -> remote(field, uri, scheme);
            case "file" -> local(field, url, Path.of(uri));
            case "" -> throw ProblemException.invalid(field, "is not a URL: expected https://, ssh:// or git@host:path");
            default -> throw ProblemException.invalid(field, "unsupported scheme '" + scheme
                    + "': use https://, ssh:// or git@host:path");
        };
    }

    private RemoteUrl remote(String field, URI uri, String scheme) {
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw ProblemException.invalid(field, "has no host");
        }
        if (uri.getRawUserInfo() != null && scheme.equals("https")) {
            throw ProblemException.invalid(field, "must not contain credentials: send the token as accessToken");
        }
        if (uri.getPath() == null || uri.getPath().replace("/", "").isEmpty()) {
            throw ProblemException.invalid(field, "has no repository path");
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 22;
        checkHost(field, host, port);
        String clean = scheme + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@") + host
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
        return new RemoteUrl(clean, key(host, uri.getPath()), host, false);
    }

    private RemoteUrl local(String field, String url, Path path) {
        if (!allowLocal) {
            throw ProblemException.invalid(field, "local repositories are not allowed here: use https://, ssh:// or git@host:path");
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw ProblemException.invalid(field, "no such local repository: " + absolute);
        }
        String text = absolute.toString();
        return new RemoteUrl(url.startsWith("file:") ? absolute.toUri().toString() : text, "local:" + text, null,
                true);
    }

    /**
     * Checks a host again before each fetch, so a DNS answer that changed after registration cannot
     * point a fetch at an internal address.
     *
     * @param remote a URL validated before
     * @throws ProblemException when the host now resolves to a refused address
     */
    public void recheck(RemoteUrl remote) {
        if (remote.local()) {
            if (!allowLocal) {
                throw ProblemException.invalid("url", "local repositories are not allowed here");
            }
            return;
        }
        checkHost("url", remote.host(), -1);
    }

    private void checkHost(String field, String host, int port) {
        if (allowLocal || allowlist.contains(host) || port > 0 && allowlist.contains(host + ":" + port)) {
            return;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (METADATA_HOSTS.contains(bare) || bare.equals("localhost") || bare.endsWith(".localhost")) {
            throw ProblemException.invalid(field, "host " + host + " is not allowed (internal address)");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw ProblemException.invalid(field, "host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw ProblemException.invalid(field, "host " + host + " resolves to an internal address ("
                        + address.getHostAddress() + ") and is not on the allowlist");
            }
        }
    }

    /**
     * @param address a resolved address
     * @return whether it is loopback, private, link-local (cloud metadata), unique-local, CGNAT,
     *         multicast or unspecified
     */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 || first == 198 && (second == 18
                    || second == 19) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isMappedV4(b);
            if (mappedV4) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return false;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /**
     * @param url a validated URL
     * @return whether it is fetched over SSH ({@code ssh://} or {@code user@host:path})
     */
    public static boolean isSsh(String url) {
        return url != null && (url.regionMatches(true, 0, "ssh://", 0, 6) || SCP_LIKE.matcher(url.trim()).matches());
    }

    /**
     * The normalised key of a remote URL, without any host check: how a push hook's clone URL is
     * matched to registered repositories.
     *
     * @param url an https, ssh or scp-like URL
     * @return its key, or null when it is not such a URL
     */
    public static String keyOf(String url) {
        if (url == null) {
            return null;
        }
        if (url.startsWith("/") || url.startsWith("file:")) {
            try {
                Path path = url.startsWith("/") ? Path.of(url) : Path.of(new URI(url));
                return "local:" + path.toAbsolutePath().normalize();
            } catch (URISyntaxException | IllegalArgumentException e) {
                return null;
            }
        }
        Matcher scp = SCP_LIKE.matcher(url.trim());
        if (scp.matches()) {
            return key(scp.group(2).toLowerCase(Locale.ROOT), scp.group(3));
        }
        try {
            URI uri = new URI(url.trim());
            return uri.getHost() == null || uri.getPath() == null ? null
                    : key(uri.getHost().toLowerCase(Locale.ROOT), uri.getPath());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String key(String host, String path) {
        String p = path.replaceAll("^/+", "").replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        if (p.endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        return host + "/" + p;
    }

    private static URI parse(String field, String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "is not a valid URL: " + e.getReason());
        }
    }

    private static Path pathOf(String field, String url) {
        try {
            return Path.of(url);
        } catch (InvalidPathException e) {
            throw ProblemException.invalid(field, "is not a valid path");
        }
    }
}
