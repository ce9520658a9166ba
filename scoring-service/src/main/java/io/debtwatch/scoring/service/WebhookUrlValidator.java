package io.debtwatch.scoring.service;

import io.debtwatch.scoring.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SSRF guard: a webhook URL must be http(s) and resolve only to public addresses, unless a host or
 * range is allowlisted (or loopback is allowed, in local runs and tests). Checked when a
 * subscription is saved and again before every attempt, since DNS answers can change; the attempt then
 * connects to the address that was checked, not to a fresh answer.
 */
@ApplicationScoped
public class WebhookUrlValidator {

    /** Cloud metadata names that must never be called, whatever they resolve to. */
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "instance-data", "instance-data.ec2.internal");

    private final boolean allowLoopback;
    private final List<String> allowlist;

    @Inject
    public WebhookUrlValidator(WebhookConfig config) {
        this(config.allowLoopback(), config.ssrfAllowlist().orElse(List.of()));
    }

    /**
     * @param allowLoopback whether loopback addresses are accepted
     * @param allowlist     hosts or CIDR ranges accepted although not public
     */
    public WebhookUrlValidator(boolean allowLoopback, List<String> allowlist) {
        this.allowLoopback = allowLoopback;
        this.allowlist = allowlist.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * @param url the URL as the user gave it
     * @return the parsed URL
     * @throws RefusedUrlException when it is malformed, not http(s), or reaches a forbidden address
     */
    public URI check(String url) {
        return resolve(url).uri();
    }

    /**
     * Resolves the URL's host once and vets every address it resolves to. The caller connects to the
     * returned address, so a DNS answer that changes after the check (DNS rebinding) is never used.
     *
     * @param url the URL as the user gave it
     * @return the parsed URL and the vetted address to connect to
     * @throws RefusedUrlException when it is malformed, not http(s), or reaches a forbidden address
     */
    public Target resolve(String url) {
        URI uri = parse(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (METADATA_HOSTS.contains(host) && !allowlist.contains(host)) {
            throw new RefusedUrlException("host " + host + " is a cloud metadata service");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("host " + host + " does not resolve");
        }
        if (!allowlist.contains(host)) {
            for (InetAddress address : addresses) {
                String why = forbidden(address);
                if (why != null && !allowlisted(address)) {
                    throw new RefusedUrlException("host " + host + " resolves to " + address.getHostAddress() + ", "
                            + why);
                }
            }
        }
        return new Target(uri, addresses[0]);
    }

    /**
     * A URL that passed the guard.
     *
     * @param uri     the URL; its host goes into the Host header and TLS server name
     * @param address the vetted address of that host, the only one to connect to
     */
    public record Target(URI uri, InetAddress address) {
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new RefusedUrlException("a URL is required");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException("only http and https URLs are accepted");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedUrlException("the URL has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new RefusedUrlException("credentials in the URL are not accepted");
        }
        return uri;
    }

    private String forbidden(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "a loopback address";
        }
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (cloud metadata lives there)";
        }
        if (address.isSiteLocalAddress() || isUniqueLocal(b) || isSharedAddressSpace(b)) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (isMappedOrCompatible(b)) {
            return "an IPv4-mapped IPv6 address";
        }
        return null;
    }

    private static boolean isUniqueLocal(byte[] b) {
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    private static boolean isSharedAddressSpace(byte[] b) {
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    private static boolean isMappedOrCompatible(byte[] b) {
        if (b.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }

    private boolean allowlisted(InetAddress address) {
        for (String entry : allowlist) {
            if (entry.contains("/") && inRange(address, entry)) {
                return true;
            }
            if (!entry.contains("/") && entry.equals(address.getHostAddress().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(InetAddress address, String cidr) {
        String[] parts = cidr.split("/", 2);
        byte[] network;
        int prefix;
        try {
            network = InetAddress.getByName(parts[0]).getAddress();
            prefix = Integer.parseInt(parts[1]);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalStateException("debtwatch.webhooks.ssrf-allowlist has an invalid range: " + cidr, e);
        }
        byte[] candidate = address.getAddress();
        if (network.length != candidate.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((network[bit / 8] & mask) != (candidate[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
