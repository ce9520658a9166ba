package io.debtwatch.analyzer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable finding fingerprints, snippet previews and the inline debtwatch:ignore directive. */
public final class Fingerprints {
    private static final int PREVIEW_CHARS = 160;
    private static final String IGNORE = "debtwatch:ignore";

    private Fingerprints() {
    }

    /** Whitespace collapsed and trimmed, so re-indentation and moved lines keep the fingerprint. */
    static String normalise(String snippet) {
        StringBuilder sb = new StringBuilder(snippet.length());
        boolean space = false;
        for (int i = 0; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A one-line preview of a snippet, cut to a readable length. */
    static String preview(String snippet) {
        String n = normalise(snippet);
        return n.length() <= PREVIEW_CHARS ? n : n.substring(0, PREVIEW_CHARS - 3) + "...";
    }

    /** SHA-256 over indicator, path, normalised snippet and occurrence among equal snippets; 32 hex chars. */
    static String of(String indicatorId, String path, String normalisedSnippet, int occurrence) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((indicatorId + '\u0000' + path + '\u0000' + normalisedSnippet + '\u0000' + occurrence)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** True when the line holds "debtwatch:ignore" followed by this indicator id (or its category). */
    static boolean ignores(String line, String indicatorId) {
        int at = line.indexOf(IGNORE);
        if (at < 0) {
            return false;
        }
        String rest = line.substring(at + IGNORE.length());
        for (String token : rest.split("[\\s,]+")) {
            String t = token.replaceAll("[^A-Za-z0-9.\\-]", "");
            if (t.equals(indicatorId) || !t.isEmpty() && indicatorId.startsWith(t + ".")) {
                return true;
            }
        }
        return false;
    }
}
