package io.debtwatch.analyzer.satd;

import io.debtwatch.analyzer.FileContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Self-admitted technical debt in one comment: one of the debt tags of {@code TAG} gives
 *  satd.todo, an untagged admission the classifier recognises gives satd.admission. */
public final class Satd {
    private static final Pattern TAG = Pattern.compile("\\b(TODO|FIXME|HACK|XXX|KLUDGE)\\b|\\b(?i:todo|fixme)(?=:)");
    private static final String[] ADMISSIONS = {"temporary", "temporarily", "quick fix", "quickfix", "workaround",
        "work around", "for now", "ugly hack", "hack", "kludge", "band-aid", "bandaid", "not ideal", "needs to be fixed",
        "should be fixed", "fix this", "get rid of", "remove this", "remove me", "quick and dirty", "is a bug", "bug:"};
    private static final Pattern UNTAGGED_ADMISSION_HINT = Pattern.compile("[a-zA-Z]{3}");

    private Satd() {
    }

    /** The tag in a comment, or null. */
    public static String tag(String comment) {
        Matcher m = TAG.matcher(comment);
        return m.find() ? m.group().toUpperCase(Locale.ROOT) : null;
    }

    /** The keyword-only baseline: a tag or an admission phrase. */
    public static boolean keywordBaseline(String comment) {
        if (tag(comment) != null) {
            return true;
        }
        String lower = comment.toLowerCase(Locale.ROOT);
        for (String phrase : ADMISSIONS) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    /** Reports the comment spanning start..end lines if it admits debt. */
    public static void check(FileContext ctx, String comment, int start, int end) {
        String tag = tag(comment);
        if (tag == null && !UNTAGGED_ADMISSION_HINT.matcher(comment).find()) {
            return;
        }
        String label = SatdClassifier.shipped().classify(comment);
        if (tag == null && SatdClassifier.NONE.equals(label)) {
            return;
        }
        String firstLine = firstLine(comment, tag);
        int line = tag == null ? start : start + lineOffset(comment, tag);
        if (tag != null) {
            String type = label.toLowerCase(Locale.ROOT);
            ctx.report("satd.todo", line, tag == null ? end : line, tag + " comment (" + type + " debt)", firstLine);
        } else {
            ctx.report("satd.admission", start, end,
                    "comment admits " + label.toLowerCase(Locale.ROOT) + " debt", firstLine);
        }
    }

    private static int lineOffset(String comment, String tag) {
        int at = comment.toUpperCase(Locale.ROOT).indexOf(tag);
        int lines = 0;
        for (int i = 0; i < at; i++) {
            if (comment.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String firstLine(String comment, String tag) {
        String[] lines = comment.split("\n");
        String chosen = lines[0];
        if (tag != null) {
            for (String l : lines) {
                if (l.toUpperCase(Locale.ROOT).contains(tag)) {
                    chosen = l;
                    break;
                }
            }
        }
        return chosen.strip();
    }
}
