package io.debtwatch.analyzer.satd;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Word unigrams and bigrams of a comment, lowercased, each counted once. */
public final class Features {
    private static final int MAX_TOKENS = 200;

    private Features() {
    }

    public static Set<String> of(String comment) {
        List<String> tokens = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int n = comment.length();
        for (int i = 0; i <= n && tokens.size() < MAX_TOKENS; i++) {
            char c = i < n ? comment.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            } else {
                if (sb.length() >= 2) {
                    tokens.add(sb.toString());
                }
                sb.setLength(0);
                if (c == '?' || c == '!') {
                    tokens.add(String.valueOf(c));
                }
            }
        }
        Set<String> features = new LinkedHashSet<>(tokens);
        for (int i = 1; i < tokens.size(); i++) {
            features.add(tokens.get(i - 1) + ' ' + tokens.get(i));
        }
        return features;
    }
}
