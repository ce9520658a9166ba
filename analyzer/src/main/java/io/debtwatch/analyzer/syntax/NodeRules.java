package io.debtwatch.analyzer.syntax;

import io.debtwatch.analyzer.FileContext;
import io.debtwatch.analyzer.text.LiteralRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/** The per-node rules: catch blocks, string literals, assignments, Go error handling and the
 *  function-size checks; calls are delegated to CallRules. */
final class NodeRules {
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(password|passwd|pwd|secret|api_?key|apikey|access_?key|auth_?token|access_?token|private_?key"
            + "|client_?secret|credentials?|token)$");
    private static final Pattern PRINT_STATEMENT = Pattern.compile(
            "^(System\\.(out|err)\\.print\\w*\\(|[\\w.]+\\.printStackTrace\\(|print\\(|console\\.(log|error|warn|info|debug)\\("
            + "|fmt\\.(Print|Fprint)\\w*\\(|traceback\\.print_exc\\().*", Pattern.DOTALL);
    private static final Pattern JAVA_CATCH_ALL = Pattern.compile("(final\\s+)?(java\\.lang\\.)?(Exception|Throwable)\\s+\\w+");
    private static final Pattern PYTHON_CATCH_ALL = Pattern.compile("(Exception|BaseException)(\\s+as\\s+\\w+)?");
    private static final Pattern GO_ERR_CHECK = Pattern.compile("\\w*[eE]rr\\w*\\s*!=\\s*nil");

    private final TreeWalker walker;
    private final FileContext ctx;
    private final CallRules calls;

    NodeRules(TreeWalker walker) {
        this.walker = walker;
        this.ctx = walker.ctx;
        this.calls = new CallRules(walker, this);
    }

    void string(TSNode node) {
        int line = walker.line(node);
        String value = literalValue(walker.text(node));
        LiteralRules.check(ctx, value, line, ctx.line(line));
        if (value.startsWith("/health") || value.startsWith("/ready") || value.startsWith("/live")
                || value.equals("/q/health") || value.equals("/status")) {
            ctx.trait("health-endpoint");
        }
    }

    /** The content of a string literal without quotes or prefixes (f, r, b, u). */
    static String literalValue(String text) {
        int start = 0;
        while (start < text.length() && start < 2 && Character.isLetter(text.charAt(start))) {
            start++;
        }
        String s = start < text.length() && "\"'`".indexOf(text.charAt(start)) >= 0 ? text.substring(start) : text;
        if (s.startsWith("\"\"\"") && s.length() >= 6) {
            return s.substring(3, s.length() - 3);
        }
        if (s.length() >= 2) {
            char q = s.charAt(0);
            if ((q == '"' || q == '\'' || q == '`') && s.charAt(s.length() - 1) == q) {
                return s.substring(1, s.length() - 1);
            }
        }
        return s;
    }

    void catchClause(TSNode node) {
        TSNode body = walker.child(node, "body");
        String caught = "";
        if (ctx.language.equals("python")) {
            List<TSNode> parts = statements(node);
            if (parts.isEmpty()) {
                return;
            }
            body = parts.get(parts.size() - 1);
            caught = parts.size() > 1 ? walker.text(parts.get(0)) : "";
        } else {
            for (TSNode child : statements(node)) {
                String type = ctx.language.equals("java") ? "catch_formal_parameter" : "";
                if (!type.isEmpty() && child.getType().equals(type)) {
                    caught = walker.text(child);
                }
            }
        }
        if (Nodes.isNull(body)) {
            return;
        }
        List<TSNode> statements = statements(body);
        int line = walker.line(node);
        String snippet = ctx.line(line);
        if (statements.isEmpty() || statements.stream().allMatch(s -> walker.text(s).equals("pass"))) {
            ctx.report("error-handling.empty-catch", line, walker.endLine(node), "empty catch block swallows the error", snippet);
        } else if (statements.stream().allMatch(s -> PRINT_STATEMENT.matcher(walker.text(s)).matches())) {
            ctx.report("error-handling.print-only-catch", line, walker.endLine(node),
                    "catch block only prints the error", snippet);
        } else if (isCatchAll(caught) && !swallowsNot(walker.text(body))) {
            ctx.report("error-handling.catch-all", line, walker.endLine(node),
                    "catch-all " + (caught.isEmpty() ? "except:" : caught) + " swallows every error", snippet);
        }
    }

    private boolean isCatchAll(String caught) {
        return switch (ctx.language) {
            case "java" -> JAVA_CATCH_ALL.matcher(caught).matches();
            case "python" -> caught.isEmpty() || PYTHON_CATCH_ALL.matcher(caught).matches();
            default -> false;
        };
    }

    private static boolean swallowsNot(String body) {
        return body.contains("throw") || body.contains("raise") || body.contains("sys.exit");
    }

    void ifStatement(TSNode node) {
        if (!ctx.language.equals("go")) {
            return;
        }
        TSNode condition = walker.child(node, "condition");
        TSNode consequence = walker.child(node, "consequence");
        if (!Nodes.isNull(condition) && !Nodes.isNull(consequence) && GO_ERR_CHECK.matcher(walker.text(condition)).matches()
                && statements(consequence).isEmpty()) {
            int line = walker.line(node);
            ctx.report("error-handling.discarded-error", line, walker.endLine(node), "empty `if err != nil` block ignores the error",
                    ctx.line(line));
        }
    }

    void assignment(TSNode node, Kind kind) {
        String target = ctx.language.equals("java") ? javaTarget() : plainTarget();
        if (target != null && !mayReport(simpleName(target))) {
            return;
        }
        TSNode name = field(node, "name", "left", "key");
        TSNode value = field(node, "value", "right", null);
        if (name == null || value == null) {
            return;
        }
        String key = walker.text(name).strip();
        String simple = simpleName(key);
        Kind valueKind = walker.kind(value);
        if (ctx.language.equals("go") && Nodes.namedChildCount(value) == 1 && walker.kind(Nodes.namedChild(value, 0)) != Kind.OTHER) {
            value = Nodes.namedChild(value, 0);
            valueKind = walker.kind(value);
        }
        int line = walker.line(node);
        String valueText = walker.text(value);
        if (ctx.language.equals("go") && (kind == Kind.ASSIGN) && isBlankLast(key) && valueKind == Kind.CALL) {
            ctx.report("error-handling.discarded-error", line, line, "error result assigned to _", ctx.line(line));
        }
        if (valueKind == Kind.STRING && CREDENTIAL_NAME.matcher(simple).matches()) {
            String secret = literalValue(valueText);
            if (secret.length() >= 6 && !secret.contains(" ") && !LiteralRules.isPlaceholder(secret) && !LiteralRules.isToken(secret)) {
                ctx.report("security.credential-assignment", line, line, "'" + simple + "' is assigned a literal value",
                        LiteralRules.redact(ctx.line(line), secret));
            }
        }
        settingRules(simple, valueKind, valueText, line, kind);
    }

    /** The last part of an assigned name without quotes: `this.password` and `"password"` give password. */
    private static String simpleName(String key) {
        int cut = key.lastIndexOf('.');
        return literalValue(cut >= 0 ? key.substring(cut + 1) : key);
    }

    /** The text of a Java assignment's target (declarator name, dotted assignment target, annotation key) read
     *  from the bytes after the node's start, or null where only the tree can tell (see JavaSpans). */
    private String javaTarget() {
        if (!ctx.language.equals("java")) {
            return null;
        }
        int start = walker.currentStart();
        int end = switch (walker.currentType()) {
            case "variable_declarator", "element_value_pair" -> JavaSpans.identifierEnd(ctx.bytes, start, walker.currentEnd());
            case "assignment_expression" -> JavaSpans.dottedTargetEnd(ctx.bytes, start, walker.currentEnd());
            default -> -1;
        };
        return end < 0 ? null : ctx.text(start, end);
    }

    /**
     * The target of an assignment, keyword argument or object key read from the bytes after the node's start
     * when it is a plain (dotted) name followed by {@code =} or {@code :}, as in {@code password = ...},
     * {@code self.port: int = ...} or {@code debug=True}; null otherwise (quoted or computed keys,
     * destructuring, several targets) and in Go, whose rule for {@code _} needs the tree.
     */
    private String plainTarget() {
        if (ctx.language.equals("go")) {
            return null;
        }
        int start = walker.currentStart();
        int end = walker.currentEnd();
        int nameEnd = start;
        while (nameEnd < end && isNameByte(ctx.bytes[nameEnd])) {
            nameEnd++;
        }
        int next = nameEnd;
        while (next < end && (ctx.bytes[next] == ' ' || ctx.bytes[next] == '\t')) {
            next++;
        }
        if (nameEnd == start || next >= end || ctx.bytes[next] != '=' && ctx.bytes[next] != ':') {
            return null;
        }
        return ctx.text(start, nameEnd);
    }

    private static boolean isNameByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '$' || b == '.';
    }

    /** Whether an assignment to this name can give a finding at all (a credential name, or one of the settings
     *  of settingRules); when not, its value need not be looked at. */
    private boolean mayReport(String simple) {
        String lower = simple.toLowerCase(Locale.ROOT);
        return lower.equals("debug") || lower.equals("verify") || lower.equals("rejectunauthorized")
                || lower.equals("insecureskipverify") || lower.equals("node_tls_reject_unauthorized") || lower.equals("port")
                || lower.contains("origin") || CREDENTIAL_NAME.matcher(simple).matches();
    }

    /** Named settings in assignments, keyword arguments and object keys. */
    private void settingRules(String name, Kind valueKind, String valueText, int line, Kind kind) {
        String lower = name.toLowerCase(Locale.ROOT);
        String snippet = ctx.line(line);
        boolean isTrue = valueText.equals("true") || valueText.equals("True");
        boolean isFalse = valueText.equals("false") || valueText.equals("False");
        if (lower.equals("debug") && isTrue && ctx.language.equals("python")) {
            ctx.report("security.debug-mode", line, line, "debug mode switched on in code", snippet);
        } else if (lower.equals("verify") && isFalse || lower.equals("rejectunauthorized") && isFalse
                || lower.equals("insecureskipverify") && isTrue
                || lower.equals("node_tls_reject_unauthorized") && literalValue(valueText).equals("0")) {
            ctx.report("security.tls-verification-off", line, line, "TLS certificate verification is turned off", snippet);
        } else if (lower.equals("port") && valueKind == Kind.NUMBER && kind == Kind.PAIR) {
            ctx.report("config.hardcoded-port", line, line, "hardcoded port " + valueText, snippet);
        } else if (lower.contains("origin") && (valueText.contains("\"*\"") || valueText.contains("'*'"))) {
            ctx.report("security.wildcard-cors", line, line, "CORS allows any origin", snippet);
        }
    }

    void annotation(TSNode node) {
        String text = walker.text(node);
        if (text.equals("@CrossOrigin") || text.equals("@CrossOrigin()")) {
            int line = walker.line(node);
            ctx.report("security.wildcard-cors", line, line, "@CrossOrigin without origins allows any origin", ctx.line(line));
        }
    }

    private static boolean isBlankLast(String left) {
        String[] parts = left.split(",");
        return parts[parts.length - 1].strip().equals("_");
    }

    void call(TSNode node, Kind kind) {
        calls.check(node, kind);
    }

    void functionDone(TreeWalker.Function f) {
        int end = walker.ctx.lineAt(f.endByte);
        int lines = end - f.startLine + 1;
        String snippet = ctx.line(f.startLine);
        String name = f.name.isEmpty() ? "anonymous function" : f.name;
        int maxLines = ctx.settings.threshold("function-lines");
        if (lines > maxLines) {
            ctx.report("structure.long-function", f.startLine, end, name + " has " + lines + " lines (limit " + maxLines + ")", snippet);
        }
        int maxComplexity = ctx.settings.threshold("complexity");
        if (f.complexity > maxComplexity) {
            ctx.report("structure.complexity", f.startLine, end,
                    name + " has cyclomatic complexity " + f.complexity + " (limit " + maxComplexity + ")", snippet);
        }
        int maxNest = ctx.settings.threshold("nesting-depth");
        if (f.maxNest > maxNest) {
            ctx.report("structure.deep-nesting", f.startLine, end, name + " nests " + f.maxNest + " levels deep (limit " + maxNest + ")",
                    snippet);
        }
        int count = parameterCount(walker.child(f.node, "parameters"));
        int maxParams = ctx.settings.threshold("parameters");
        if (count > maxParams) {
            ctx.report("structure.long-parameter-list", f.startLine, f.startLine,
                    name + " takes " + count + " parameters (limit " + maxParams + ")", snippet);
        }
    }

    /** Parameters of a function; Go declarations like (a, b int) name several at once. */
    private int parameterCount(TSNode params) {
        if (Nodes.isNull(params)) {
            return 0;
        }
        if (!ctx.language.equals("go")) {
            return Nodes.namedChildCount(params);
        }
        int count = 0;
        for (TSNode p : statements(params)) {
            count += Math.max(1, Nodes.namedChildCount(p) - 1);
        }
        return count;
    }

    /** Named children that are not comments. */
    List<TSNode> statements(TSNode node) {
        int n = Nodes.namedChildCount(node);
        List<TSNode> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TSNode child = Nodes.namedChild(node, i);
            if (walker.kind(child) != Kind.COMMENT) {
                out.add(child);
            }
        }
        return out;
    }

    private TSNode field(TSNode node, String a, String b, String c) {
        for (String name : new String[] {a, b, c}) {
            if (name != null) {
                TSNode child = walker.child(node, name);
                if (!Nodes.isNull(child)) {
                    return child;
                }
            }
        }
        int n = Nodes.namedChildCount(node);
        if (n >= 2) {
            return a.equals("name") ? Nodes.namedChild(node, 0) : Nodes.namedChild(node, n - 1);
        }
        return null;
    }
}
