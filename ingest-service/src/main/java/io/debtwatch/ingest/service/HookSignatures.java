package io.debtwatch.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Constant-time checks of push-hook credentials: GitHub's HMAC signature and GitLab's shared token. */
final class HookSignatures {

    private static final String GITHUB_PREFIX = "sha256=";

    private HookSignatures() {
    }

    /**
     * @param secret    the hook secret
     * @param body      the raw request body
     * @param signature the {@code X-Hub-Signature-256} header, {@code sha256=<hex>}
     * @return whether the signature is the body's HMAC-SHA256 under the secret
     */
    static boolean githubMatches(String secret, byte[] body, String signature) {
        if (secret == null || signature == null || !signature.startsWith(GITHUB_PREFIX)) {
            return false;
        }
        byte[] expected = hmacSha256(secret, body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(GITHUB_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /**
     * @param secret the hook secret
     * @param token  the {@code X-Gitlab-Token} header
     * @return whether they are equal, compared in constant time
     */
    static boolean gitlabMatches(String secret, String token) {
        if (secret == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret), sha256(token));
    }

    private static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
