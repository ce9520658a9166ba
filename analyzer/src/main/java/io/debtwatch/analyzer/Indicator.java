package io.debtwatch.analyzer;

import java.util.List;

/** One catalogue entry: what it finds, how bad it is, how long it takes to fix, where it applies,
 *  why it matters, and a bad and a good example. */
public record Indicator(String id, String category, String severity, int remediationMinutes,
        List<String> languages, String title, String rationale, String bad, String good) {
}
