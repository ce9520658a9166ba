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
            "(?i)^(MessageDigest\\.getInstance\\(\\s*\"(MD5|SHA-?1)\"|DigestUtils\\.(md5|sha1)\\w*\\(|hashlib\\.(md5|sha1)\\("
            + "|[\\w.]*createHash\\(\\s*['\"](md5|sha1)|md5\\.(Sum|New)\\(|sha1\\.(Sum|New)\\(|md5\\(|sha1\\().*", Pattern.DOTALL);
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
    private static final Pattern COLLECTION_CALL = Pattern.compile("(?i)(.*\\.)?(list|map|set|array|stream|dict|str|string|re|path|os)\\.\\w+");
    private static final Pattern ALLOW_ALL_HOSTS = Pattern.compile("(?s).*(->\\s*true|Noop|ALLOW_ALL).*");
    private static final Pattern PERCENT_FORMAT = Pattern.compile("(?s)^[\"'].*[\"']\\s*%.*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String[] SHELL_WORDS = {"exec", "ProcessBuilder", "system", "popen", "subprocess", "getoutput", "spawn"};
    private static final String[] HASH_WORDS = {"md5", "sha", "getinstance", "createhash"};
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
        Args args = new Args(node);
        String callee = callee(node, kind, args);
        if (callee.isEmpty()) {
            return;
        }
        int dot = callee.lastIndexOf('.');
        String last = callee.substring(dot + 1);
        int line = walker.line(node);
        String snippet = ctx.line(line);
        if (kind == Kind.CALL && mayPrint(callee) && PRINT.matcher(callee).matches() && !walker.inEntryPoint()
                && !(ctx.language.equals("python") && !callee.equals("print") && !callee.endsWith("printStackTrace"))) {
            ctx.report("observability.print", line, line, callee + " instead of a logger", snippet);
        }
        if (kind == Kind.CALL && EXIT.contains(callee) && !walker.inEntryPoint() && (callee.contains(".") || ctx.language.equals("python"))) {
            ctx.report("error-handling.process-exit", line, line, callee + " outside an entry point", snippet);
        }
        security(node, callee, last, args, line, snippet);
        performance(callee, line, snippet);
        if (PORT_CALLS.contains(last) && args.any(i -> isPort(args, i))) {
            ctx.report("config.hardcoded-port", line, line, "hardcoded port passed to " + callee, snippet);
        }
        cors(callee, args, line, snippet);
        if (last.equals("catch") && dot > 0 && (ctx.language.equals("javascript") || ctx.language.equals("typescript"))
                && !args.isEmpty() && walker.kind(args.node(0)) == Kind.FUNCTION) {
            TSNode body = walker.child(args.node(0), "body");
            if (!Nodes.isNull(body) && walker.kind(body) == Kind.BLOCK && rules.statements(body).isEmpty()) {
                ctx.report("error-handling.empty-promise-catch", line, line, "empty .catch handler silences the rejection", snippet);
            }
        }
    }

    /** The arguments of one call, looked up in the tree only when a rule asks for them (most calls match no
     *  rule that does); each argument's text is read from the tree at most once. */
    private final class Args {
        private final TSNode call;
        private TSNode list;
        private List<TSNode> nodes;
        private String[] texts;

        Args(TSNode call) {
            this.call = call;
        }

        /** The argument list node (null node when the call has none). */
        TSNode list() {
            if (list == null) {
                list = walker.child(call, "arguments");
            }
            return list;
        }

        private List<TSNode> nodes() {
            if (nodes == null) {
                nodes = Nodes.isNull(list()) ? List.of() : rules.statements(list());
                texts = new String[nodes.size()];
            }
            return nodes;
        }

        boolean isEmpty() {
            return nodes().isEmpty();
        }

        int size() {
            return nodes().size();
        }

        TSNode node(int i) {
            return nodes().get(i);
        }

        String text(int i) {
            nodes();
            String t = texts[i];
            if (t == null) {
                t = walker.text(nodes.get(i));
                texts[i] = t;
            }
            return t;
        }

        boolean any(java.util.function.IntPredicate test) {
            for (int i = 0; i < nodes().size(); i++) {
                if (test.test(i)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Cheap necessary conditions checked before the regular expressions: every PRINT alternative holds
     *  "rint" or starts with "console.", every SHELL one one of SHELL_WORDS, every WEAK_HASH one starts
     *  with a callee holding one of HASH_WORDS, every SLEEP one holds "leep", "setTimeout" or "delay". */
    private static boolean mayPrint(String callee) {
        return callee.contains("rint") || callee.startsWith("console.");
    }

    private static boolean mayShell(String callee) {
        for (String w : SHELL_WORDS) {
            if (callee.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHash(String callee) {
        String lower = callee.toLowerCase(Locale.ROOT);
        for (String w : HASH_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean maySleep(String callee) {
        return callee.contains("leep") || callee.contains("setTimeout") || callee.contains("delay");
    }

    private void security(TSNode node, String callee, String last, Args args, int line, String snippet) {
        if ((callee.equals("eval") || callee.equals("exec") && ctx.language.equals("python") || callee.equals("new Function")
                || callee.equals("Function")) && !args.isEmpty() && walker.kind(args.node(0)) != Kind.STRING) {
            ctx.report("security.dynamic-eval", line, line, callee + " of a dynamic string", snippet);
        }
        if (mayShell(callee) && SHELL.matcher(callee).matches() && args.any(i -> isDynamicString(args.text(i)))
                && !(ctx.language.equals("python") && callee.startsWith("subprocess.") && !walker.text(node).contains("shell=True"))) {
            ctx.report("security.shell-command-string", line, line, "shell command built from a string", snippet);
        }
        if (SQL_CALLS.contains(last) && !args.isEmpty() && isDynamicString(args.text(0)) && SQL_WORDS.matcher(args.text(0)).matches()) {
            ctx.report("security.sql-concatenation", line, line, "SQL built by concatenation passed to " + last, snippet);
        }
        if (!callee.contains("(") && mayHash(callee)) {
            String call = callee + "(" + (args.isEmpty() ? "" : args.text(0));
            if (WEAK_HASH.matcher(call).matches()) {
                TreeWalker.Function f = walker.function();
                String context = call + (f == null ? "" : " " + f.name) + " " + snippet;
                if (PASSWORDISH.matcher(context).matches()) {
                    ctx.report("security.weak-password-hash", line, line, "MD5/SHA-1 used for a password", snippet);
                }
            }
        }
        if ((last.equals("setHostnameVerifier") || last.equals("setDefaultHostnameVerifier"))
                && args.any(i -> ALLOW_ALL_HOSTS.matcher(args.text(i)).matches())
                || callee.equals("ssl._create_unverified_context") || callee.equals("new NoopHostnameVerifier")) {
            ctx.report("security.tls-verification-off", line, line, "TLS certificate verification is turned off", snippet);
        }
    }

    private void performance(String callee, int line, String snippet) {
        if (walker.loopDepth == 0) {
            return;
        }
        if (maySleep(callee) && SLEEP.matcher(callee).matches()) {
            ctx.report("performance.sleep-in-loop", line, line, callee + " inside a loop", snippet);
        } else if (DB_OR_HTTP.matcher(callee).matches() && !callee.startsWith("this.") && !callee.startsWith("self.")
                && !COLLECTION_CALL.matcher(callee).matches()) {
            ctx.report("performance.query-in-loop", line, line, callee + " inside a loop (N+1)", snippet);
        }
    }

    private void cors(String callee, Args args, int line, String snippet) {
        boolean wildcard = callee.equals("cors") && args.isEmpty() && !ctx.language.equals("go")
                || callee.equals("CORS") && args.size() == 1;
        if (!wildcard && mayHoldStar() && args.any(i -> NodeRules.literalValue(args.text(i)).equals("*"))) {
            wildcard = callee.toLowerCase(Locale.ROOT).contains("origin")
                    || args.any(i -> args.text(i).toLowerCase(Locale.ROOT).contains("access-control-allow-origin"));
        }
        if (wildcard) {
            ctx.report("security.wildcard-cors", line, line, "CORS allows any origin", snippet);
        }
    }

    /** Whether the call's text holds a `*` at all: an argument whose literal value is `*` needs one, and the
     *  call's bytes are at hand while its arguments are not. */
    private boolean mayHoldStar() {
        byte[] b = ctx.bytes;
        for (int i = walker.currentStart(), end = walker.currentEnd(); i < end; i++) {
            if (b[i] == '*') {
                return true;
            }
        }
        return false;
    }

    private boolean isPort(Args args, int i) {
        String t = args.text(i);
        if (walker.kind(args.node(i)) == Kind.NUMBER) {
            try {
                int port = Integer.parseInt(t.replace("_", ""));
                return port >= 1 && port <= 65535;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return PORT_STRING.matcher(t).matches();
    }

    /** A string assembled at run time: concatenation, interpolation or formatting of a literal. */
    static boolean isDynamicString(String t) {
        boolean quoted = t.indexOf('"') >= 0 || t.indexOf('\'') >= 0 || t.indexOf('`') >= 0;
        if (!quoted) {
            return false;
        }
        return t.contains("+") || t.contains("${") || t.startsWith("f\"") || t.startsWith("f'") || t.contains(".format(")
                || t.contains("Sprintf(") || t.contains("String.format(") || t.contains(".formatted(")
                || PERCENT_FORMAT.matcher(t).matches();
    }

    private String callee(TSNode node, Kind kind, Args args) {
        String quick = ctx.language.equals("java") ? javaCallee(kind, args) : null;
        if (quick != null) {
            return quick;
        }
        if (kind == Kind.NEW) {
            TSNode type = walker.child(node, ctx.language.equals("java") ? "type" : "constructor");
            return Nodes.isNull(type) ? "" : "new " + walker.text(type);
        }
        if (ctx.language.equals("java")) {
            TSNode name = walker.child(node, "name");
            TSNode object = walker.child(node, "object");
            String n = Nodes.isNull(name) ? "" : walker.text(name);
            return Nodes.isNull(object) ? n : walker.text(object) + "." + n;
        }
        TSNode function = walker.child(node, "function");
        if (Nodes.isNull(function)) {
            return "";
        }
        String text = walker.text(function);
        return text.length() > 200 ? "" : WHITESPACE.matcher(text.replace("?.", ".")).replaceAll("");
    }

    /** The callee of a Java call read from the bytes before its argument list (one native call for the list
     *  instead of two field children and their ends); null where only the tree can tell (see JavaSpans). */
    private String javaCallee(Kind kind, Args args) {
        TSNode list = args.list();
        if (Nodes.isNull(list)) {
            return null;
        }
        int start = walker.currentStart();
        int argsStart = Nodes.startByte(list);
        if (kind == Kind.NEW) {
            int[] type = JavaSpans.objectCreationType(ctx.bytes, start, argsStart);
            return type == null ? null : "new " + ctx.text(type[0], type[1]);
        }
        int[] parts = JavaSpans.methodInvocation(ctx.bytes, start, argsStart);
        if (parts == null) {
            return null;
        }
        String name = ctx.text(parts[2], parts[3]);
        return parts[0] < 0 ? name : ctx.text(parts[0], parts[1]) + "." + name;
    }
}
