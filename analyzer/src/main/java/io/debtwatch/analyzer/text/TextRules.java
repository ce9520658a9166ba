package io.debtwatch.analyzer.text;

import io.debtwatch.analyzer.FileContext;
import io.debtwatch.analyzer.Languages;
import io.debtwatch.analyzer.satd.Satd;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line-based checks for files without a tree (Kotlin, C#, Ruby, shell, YAML, properties, .env,
 *  Dockerfile...): debt comments, secrets, credential assignments, hardcoded configuration in code,
 *  debug mode and wildcard CORS in configuration. */
public final class TextRules {
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)(//|#|/\\*|\\*|--|<!--|;|REM\\s)");
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)[\"']?([\\w.\\-]*(?:password|passwd|pwd|secret|api[_\\-]?key|access[_\\-]?key|auth[_\\-]?token|access[_\\-]?token"
            + "|private[_\\-]?key|client[_\\-]?secret|token))[\"']?\\s*(?::=|=|:)\\s*[\"']?([^\"'\\s,;#]+)");
    private static final Pattern DEBUG = Pattern.compile(
            "(?i)^\\s*[\"']?(?:[\\w.\\-]+[._])?debug[\"']?\\s*[:=]\\s*[\"']?(true|on|yes|1)[\"']?\\s*(#.*)?$");
    private static final Pattern CORS = Pattern.compile(
            "(?i)(access-control-allow-origin[\"']?\\s*[:=,]?\\s*[\"']?\\*|allowed[-_]?origins?[\"']?\\s*[:=]\\s*[\"'\\[]*\\*)");

    private TextRules() {
    }

    /** Analyses every line; returns the non-blank line count. */
    public static int analyze(FileContext ctx) {
        boolean config = Languages.isConfiguration(ctx.language);
        boolean prose = ctx.language.equals("markdown") || ctx.language.equals("json");
        int lines = ctx.lineCount();
        int nonBlank = 0;
        for (int n = 1; n <= lines; n++) {
            String line = ctx.line(n);
            if (line.isBlank()) {
                continue;
            }
            nonBlank++;
            if (!prose && COMMENT.matcher(line).find() && Satd.tag(line) != null) {
                Satd.check(ctx, line.substring(Math.max(0, commentStart(line))), n, n);
            }
            LiteralRules.check(ctx, line, n, line);
            credential(ctx, line, n);
            if (config && DEBUG.matcher(line).matches() && !ctx.language.equals("markdown")) {
                ctx.report("security.debug-mode", n, n, "debug mode on in configuration", line);
            }
            if (CORS.matcher(line).find()) {
                ctx.report("security.wildcard-cors", n, n, "CORS allows any origin", line);
            }
        }
        return nonBlank;
    }

    private static int commentStart(String line) {
        Matcher m = COMMENT.matcher(line);
        return m.find() ? m.start(2) : 0;
    }

    private static void credential(FileContext ctx, String line, int n) {
        if (ctx.testCode || ctx.language.equals("markdown")) {
            return;
        }
        Matcher m = CREDENTIAL.matcher(line);
        if (m.find()) {
            String value = m.group(2);
            if (value.length() >= 6 && !LiteralRules.isPlaceholder(value) && !value.startsWith("$")
                    && !value.matches("[\\w.]+\\(.*|true|false|null|None")) {
                ctx.report("security.credential-assignment", n, n, "'" + m.group(1) + "' is assigned a literal value",
                        LiteralRules.redact(line, value));
            }
        }
    }

}
