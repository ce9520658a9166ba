package io.debtwatch.analyzer.text;

import io.debtwatch.analyzer.FileContext;
import io.debtwatch.analyzer.Languages;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on one literal value (a string literal in a tree, or a value in a text line): provider
 *  tokens, high entropy, connection strings, localhost URLs, private IPs, SELECT *. */
public final class LiteralRules {
    private static final Pattern TOKEN = Pattern.compile(
            "(?<aws>(?:AKIA|ASIA)[0-9A-Z]{16})|(?<github>gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"
            + "|(?<slack>xox[baprs]-[A-Za-z0-9-]{10,})|(?<stripe>(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,})"
            + "|(?<google>AIza[0-9A-Za-z_\\-]{35})|(?<key>-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----)"
            + "|(?<jwt>eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})");
    private static final Pattern CONNECTION = Pattern.compile(
            "(?i)\\b(?:jdbc:[a-z0-9]+:(?://)?|mongodb(?:\\+srv)?://|postgres(?:ql)?://|mysql://|mariadb://|redis(?:s)?://"
            + "|amqps?://|mssql://|sqlserver://|kafka://|nats://|ldaps?://|cassandra://|neo4j://|bolt://)[^\\s\"'`]*[a-z0-9]");
    private static final Pattern LOCALHOST = Pattern.compile(
            "(?i)\\b(?:https?|wss?|tcp)://(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\])(?::\\d+)?");
    private static final Pattern PRIVATE_IP = Pattern.compile("(?<![\\d.])(?:10(?:\\.\\d{1,3}){3}"
            + "|192\\.168(?:\\.\\d{1,3}){2}|172\\.(?:1[6-9]|2\\d|3[01])(?:\\.\\d{1,3}){2})(?![\\d.])");
    private static final Pattern SELECT_STAR = Pattern.compile("(?i)\\bselect\\s+\\*\\s+from\\b");
    private static final String[] PLACEHOLDERS = {"changeme", "change_me", "change-me", "xxx", "${", "{{", "<", "your",
        "example", "dummy", "placeholder", "***", "replace", "secret123", "password123", "redacted", "todo", "sample",
        "fake", "test", "process.env", "os.environ", "getenv"};

    private LiteralRules() {
    }

    /** Runs every literal check on value, found on the given line; snippet is the (unredacted) source line. */
    public static void check(FileContext ctx, String value, int line, String sourceLine) {
        if (value.length() < 6) {
            return;
        }
        boolean token = tokens(ctx, value, line, sourceLine);
        if (!token && !ctx.testCode) {
            highEntropy(ctx, value, line, sourceLine);
        }
        if (!Languages.isConfiguration(ctx.language)) {
            hardcodedConfig(ctx, value, line, sourceLine);
        }
        if (SELECT_STAR.matcher(value).find()) {
            ctx.report("performance.select-star", line, line, "SELECT * fetches every column", sourceLine);
        }
    }

    private static boolean tokens(FileContext ctx, String value, int line, String sourceLine) {
        Matcher m = TOKEN.matcher(value);
        if (!m.find() || isPlaceholder(m.group())) {
            return false;
        }
        String kind = m.group("aws") != null ? "AWS access key" : m.group("github") != null ? "GitHub token"
                : m.group("slack") != null ? "Slack token" : m.group("stripe") != null ? "Stripe key"
                : m.group("google") != null ? "Google API key" : m.group("key") != null ? "private key" : "JWT";
        ctx.report("security.token", line, line, kind + " in the source", redact(sourceLine, m.group()));
        return true;
    }

    private static void highEntropy(FileContext ctx, String value, int line, String sourceLine) {
        String v = value.strip();
        if (v.length() < 32 || v.length() > 200 || isPlaceholder(v)) {
            return;
        }
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isDigit(c)) {
                digit = true;
            } else if (Character.isLetter(c) && c < 128) {
                letter = true;
            } else if (c != '+' && c != '/' && c != '=' && c != '_' && c != '-') {
                return;
            }
        }
        if (digit && letter && entropy(v) >= 4.0) {
            ctx.report("security.high-entropy", line, line, "high-entropy literal looks like a key or token",
                    redact(sourceLine, v));
        }
    }

    private static void hardcodedConfig(FileContext ctx, String value, int line, String sourceLine) {
        Matcher c = CONNECTION.matcher(value);
        if (c.find()) {
            ctx.report("config.connection-string", line, line, "hardcoded connection string " + redactCredentials(c.group()),
                    redactCredentialsInLine(sourceLine));
            return;
        }
        Matcher l = LOCALHOST.matcher(value);
        if (l.find()) {
            ctx.report("config.localhost-url", line, line, "hardcoded loopback URL " + l.group(), sourceLine);
            return;
        }
        Matcher ip = PRIVATE_IP.matcher(value);
        if (ip.find()) {
            ctx.report("config.private-ip", line, line, "hardcoded private IP " + ip.group(), sourceLine);
        }
    }

    /** True for values that are obviously not real secrets. */
    public static boolean isPlaceholder(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (String p : PLACEHOLDERS) {
            if (v.contains(p)) {
                return true;
            }
        }
        return v.chars().distinct().count() <= 2;
    }

    /** The line with the secret replaced by its first four characters and a marker. */
    public static String redact(String sourceLine, String secret) {
        String keep = secret.length() > 8 ? secret.substring(0, 4) : "";
        String replaced = sourceLine.replace(secret, keep + "****[redacted]");
        return replaced.equals(sourceLine) ? "[redacted line]" : replaced;
    }

    private static String redactCredentials(String uri) {
        return uri.replaceAll("://([^/@:\\s]+):([^/@\\s]+)@", "://$1:****@");
    }

    private static String redactCredentialsInLine(String line) {
        return line.replaceAll("://([^/@:\\s\"']+):([^/@\\s\"']+)@", "://$1:****@");
    }

    static double entropy(String s) {
        int[] counts = new int[128];
        for (int i = 0; i < s.length(); i++) {
            counts[s.charAt(i) & 127]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }
}
