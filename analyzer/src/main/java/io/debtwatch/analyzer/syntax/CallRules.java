package io.debtwatch.analyzer.syntax;

import io.debtwatch.analyzer.FileContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/** Rules on calls and constructor calls: prints, process exits, eval, shell and SQL built from
 *  strings, weak password hashes, TLS switches, sleeps and queries in loops, hardcoded ports,
 *  wildcard CORS and empty promise handlers. */
final class CallRules {
    private static final Pattern PRINT = Pattern.compile(
            "System\\.(out|err)\\.print\\w*|[\\w.]+\\.printStackTrace|print|console\\.(log|info|warn|error|debug)|fmt\\.Print\\w*");
    private static final Set<String> EXIT = Set.of("System.exit", "sys.exit", "os._exit", "process.exit", "os.Exit", "exit");
    private static final Set<String> SQL_CALLS = Set.of("execute", "executeQuery", "executeUpdate", "prepareStatement",
            "createQuery", "createNativeQuery", "query", "queryForObject", "queryForList", "raw", "executemany",
            "Exec", "Query", "QueryRow", "ExecContext", "QueryContext", "QueryRowContext", "$queryRawUnsafe");
    private static final Pattern SQL_WORDS = Pattern.compile("(?is).*\\b(select|insert|update|delete|where|from)\\b.*");
    private static final Pattern SHELL = Pattern.compile(
            "Runtime\\.getRuntime\\(\\)\\.exec|new ProcessBuilder|os\\.system|os\\.popen|subprocess\\.\\w+|commands\\.getoutput"
            + "|(child_process\\.)?(exec|execSync|spawn|spawnSync)|exec\\.Command(Context)?");
    private static final Pattern WEAK_HASH = Pattern.compile(
            "(?i).*(MessageDigest\\.getInstance\\(\\s*\"(MD5|SHA-?1)\"|DigestUtils\\.(md5|sha1)|hashlib\\.(md5|sha1)"
            + "|createHash\\(\\s*['\"](md5|sha1)|\\bmd5\\.(Sum|New)|\\bsha1\\.(Sum|New)|^md5\\(|^sha1\\().*", Pattern.DOTALL);
    private static final Pattern PASSWORDISH = Pattern.compile("(?i).*(pass|pwd|credential).*", Pattern.DOTALL);
    private static final Pattern SLEEP = Pattern.compile(
            "Thread\\.sleep|TimeUnit\\.\\w+\\.sleep|time\\.sleep|sleep|time\\.Sleep|asyncio\\.sleep|setTimeout|delay");
    private static final Pattern DB_OR_HTTP = Pattern.compile(
            "(?x) [\\w.]*\\.(executeQuery|executeUpdate|execute|find|findById|findOne|findAll|find_one|getResultList|getSingleResult"
            + "|queryForObject|queryForList|query|getForObject|getForEntity|postForObject|exchange|send|insertOne|updateOne"
            + "|Query|QueryRow|Exec|Find|FindOne|Do|Get|Post|raw|filter|all)"
            + "|requests\\.\\w+|httpx\\.\\w+|urlopen|urllib\\.request\\.urlopen|fetch|axios(\\.\\w+)?|http\\.(Get|Post|Head)");
    private static final Set<String> PORT_CALLS = Set.of("listen", "Listen", "ListenAndServe", "ListenAndServeTLS", "Dial",
            "run", "bind", "port", "setPort", "ServerSocket", "Socket", "InetSocketAddress", "connect", "create_connection");
    private static final Pattern PORT_STRING = Pattern.compile("[\"'`][\\w.\\-]*:\\d{2,5}[\"'`]");

    private final TreeWalker walker;
    private final NodeRules rules;
    private final FileContext ctx;

    CallRules(TreeWalker walker, NodeRules rules) {
        this.walker = walker;
        this.rules = rules;
        this.ctx = walker.ctx;
    }

    void check(TSNode node, Kind kind) {
        String callee = callee(node, kind);
        if (callee.isEmpty()) {
            return;
        }
        int dot = callee.lastIndexOf('.');
        String last = callee.substring(dot + 1);
        TSNode argsNode = node.getChildByFieldName("arguments");
        List<TSNode> args = argsNode.isNull() ? List.of() : rules.statements(argsNode);
        int line = TreeWalker.line(node);
        String snippet = ctx.line(line);
        if (kind == Kind.CALL && PRINT.matcher(callee).matches() && !walker.inEntryPoint()
                && !(ctx.language.equals("python") && !callee.equals("print") && !callee.endsWith("printStackTrace"))) {
            ctx.report("observability.print", line, line, callee + " instead of a logger", snippet);
        }
        if (kind == Kind.CALL && EXIT.contains(callee) && !walker.inEntryPoint() && (callee.contains(".") || ctx.language.equals("python"))) {
            ctx.report("error-handling.process-exit", line, line, callee + " outside an entry point", snippet);
        }
        security(node, callee, last, args, line, snippet);
        performance(callee, args, line, snippet);
        if (PORT_CALLS.contains(last) && args.stream().anyMatch(this::isPort)) {
            ctx.report("config.hardcoded-port", line, line, "hardcoded port passed to " + callee, snippet);
        }
        cors(callee, args, line, snippet);
        if (last.equals("catch") && dot > 0 && (ctx.language.equals("javascript") || ctx.language.equals("typescript"))
                && !args.isEmpty() && walker.kind(args.get(0)) == Kind.FUNCTION) {
            TSNode body = args.get(0).getChildByFieldName("body");
            if (!body.isNull() && walker.kind(body) == Kind.BLOCK && rules.statements(body).isEmpty()) {
                ctx.report("error-handling.empty-promise-catch", line, line, "empty .catch handler silences the rejection", snippet);
            }
        }
    }

    private void security(TSNode node, String callee, String last, List<TSNode> args, int line, String snippet) {
        boolean dynamicFirst = !args.isEmpty() && isDynamicString(walker.text(args.get(0)));
        if ((callee.equals("eval") || callee.equals("exec") && ctx.language.equals("python") || callee.equals("new Function")
                || callee.equals("Function")) && !args.isEmpty() && walker.kind(args.get(0)) != Kind.STRING) {
            ctx.report("security.dynamic-eval", line, line, callee + " of a dynamic string", snippet);
        }
        if (SHELL.matcher(callee).matches() && args.stream().anyMatch(a -> isDynamicString(walker.text(a)))
                && !(ctx.language.equals("python") && callee.startsWith("subprocess.") && !walker.text(node).contains("shell=True"))) {
            ctx.report("security.shell-command-string", line, line, "shell command built from a string", snippet);
        }
        if (SQL_CALLS.contains(last) && dynamicFirst && SQL_WORDS.matcher(walker.text(args.get(0))).matches()) {
            ctx.report("security.sql-concatenation", line, line, "SQL built by concatenation passed to " + last, snippet);
        }
        String call = walker.text(node);
        if (WEAK_HASH.matcher(call).matches()) {
            TreeWalker.Function f = walker.function();
            String context = call + (f == null ? "" : " " + f.name) + " " + snippet;
            if (PASSWORDISH.matcher(context).matches()) {
                ctx.report("security.weak-password-hash", line, line, "MD5/SHA-1 used for a password", snippet);
            }
        }
        if ((last.equals("setHostnameVerifier") || last.equals("setDefaultHostnameVerifier"))
                && args.stream().anyMatch(a -> walker.text(a).matches("(?s).*(->\\s*true|Noop|ALLOW_ALL).*"))
                || callee.equals("ssl._create_unverified_context") || callee.equals("new NoopHostnameVerifier")) {
            ctx.report("security.tls-verification-off", line, line, "TLS certificate verification is turned off", snippet);
        }
    }

    private void performance(String callee, List<TSNode> args, int line, String snippet) {
        if (walker.loopDepth == 0) {
            return;
        }
        if (SLEEP.matcher(callee).matches()) {
            ctx.report("performance.sleep-in-loop", line, line, callee + " inside a loop", snippet);
        } else if (DB_OR_HTTP.matcher(callee).matches() && !callee.startsWith("this.") && !callee.startsWith("self.")
                && !callee.matches("(?i).*(list|map|set|array|stream|dict|str|string|re|path|os)\\.\\w+")) {
            ctx.report("performance.query-in-loop", line, line, callee + " inside a loop (N+1)", snippet);
        }
    }

    private void cors(String callee, List<TSNode> args, int line, String snippet) {
        String lower = callee.toLowerCase(Locale.ROOT);
        boolean star = args.stream().anyMatch(a -> NodeRules.literalValue(walker.text(a)).equals("*"));
        boolean headerCall = args.stream().anyMatch(a -> walker.text(a).toLowerCase(Locale.ROOT).contains("access-control-allow-origin"));
        if (star && (lower.contains("origin") || headerCall)
                || (callee.equals("cors") && args.isEmpty() && !ctx.language.equals("go"))
                || callee.equals("CORS") && args.size() == 1) {
            ctx.report("security.wildcard-cors", line, line, "CORS allows any origin", snippet);
        }
    }

    private boolean isPort(TSNode arg) {
        String t = walker.text(arg);
        if (walker.kind(arg) == Kind.NUMBER) {
            try {
                int port = Integer.parseInt(t.replace("_", ""));
                return port >= 1 && port <= 65535;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return PORT_STRING.matcher(t).matches() || walker.kind(arg) == Kind.PAIR && t.matches("port\\s*=\\s*\\d+");
    }

    /** A string assembled at run time: concatenation, interpolation or formatting of a literal. */
    static boolean isDynamicString(String t) {
        boolean quoted = t.indexOf('"') >= 0 || t.indexOf('\'') >= 0 || t.indexOf('`') >= 0;
        if (!quoted) {
            return false;
        }
        return t.contains("+") || t.contains("${") || t.startsWith("f\"") || t.startsWith("f'") || t.contains(".format(")
                || t.contains("Sprintf(") || t.contains("String.format(") || t.contains(".formatted(")
                || t.matches("(?s)^[\"'].*[\"']\\s*%.*");
    }

    private String callee(TSNode node, Kind kind) {
        if (kind == Kind.NEW) {
            TSNode type = node.getChildByFieldName(ctx.language.equals("java") ? "type" : "constructor");
            return type.isNull() ? "" : "new " + walker.text(type);
        }
        if (ctx.language.equals("java")) {
            TSNode name = node.getChildByFieldName("name");
            TSNode object = node.getChildByFieldName("object");
            String n = name.isNull() ? "" : walker.text(name);
            return object.isNull() ? n : walker.text(object) + "." + n;
        }
        TSNode function = node.getChildByFieldName("function");
        if (function.isNull()) {
            return "";
        }
        String text = walker.text(function);
        return text.length() > 200 ? "" : text.replace("?.", ".").replaceAll("\\s+", "");
    }
}
