package io.debtwatch.scoring.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Standard Webhooks secrets and signatures: {@code whsec_<base64 key>}, {@code v1,<base64 HMAC-SHA256>}. */
public final class WebhookSigner {

    /** Prefix of every secret we hand out. */
    public static final String SECRET_PREFIX = "whsec_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    /**
     * @return a new secret with a 32-byte random key
     */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * @param secrets   the secrets in force, newest first
     * @param messageId the {@code webhook-id}
     * @param timestamp the {@code webhook-timestamp} in epoch seconds
     * @param body      the exact body sent
     * @return the {@code webhook-signature} header: one space-separated {@code v1,…} per secret
     */
    public static String signatures(List<String> secrets, String messageId, long timestamp, String body) {
        return secrets.stream().map(s -> sign(s, messageId, timestamp, body)).collect(Collectors.joining(" "));
    }

    private static String sign(String secret, String messageId, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(SECRET_PREFIX)
                ? secret.substring(SECRET_PREFIX.length()) : secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}
