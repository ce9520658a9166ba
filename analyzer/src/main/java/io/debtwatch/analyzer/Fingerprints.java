package io.debtwatch.analyzer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids of findings: indicator, path and the snippet with white space folded, never line numbers. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * @param indicatorId the indicator
     * @param path        the file
     * @param snippet     the matched code
     * @return 20 hex characters that stay the same while the code does
     */
    public static String of(String indicatorId, String path, String snippet) {
        String normalised = snippet == null ? "" : snippet.strip().replaceAll("\\s+", " ");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((indicatorId + "\n" + path + "\n" + normalised)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
