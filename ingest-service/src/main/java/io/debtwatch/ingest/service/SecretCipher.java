package io.debtwatch.ingest.service;

import io.debtwatch.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts access tokens and hook secrets at rest with AES-GCM: a fresh 96-bit nonce per value,
 * the repository id as associated data so a ciphertext cannot be moved to another repository.
 */
@ApplicationScoped
public class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(IngestConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.secretKey().trim());
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException("debtwatch.ingest.secret-key must be 16, 24 or 32 bytes in base64, got "
                    + raw.length + " bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /**
     * @param plain   the secret, may be null
     * @param context the repository id it belongs to
     * @return {@code v1:<base64 nonce+ciphertext>}, or null for null
     */
    public String encrypt(String plain, String context) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    /**
     * @param sealed  what {@link #encrypt} returned, may be null
     * @param context the repository id it was sealed for
     * @return the secret, or null for null
     * @throws IllegalStateException when the value was tampered with or sealed with another key
     */
    public String decrypt(String sealed, String context) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("stored secret has an unknown format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("stored secret cannot be decrypted (wrong key or tampered value)", e);
        }
    }
}
