package io.debtwatch.analyzer.syntax;

import io.debtwatch.analyzer.FileContext;
import io.debtwatch.analyzer.Languages;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSReader;

/** Parses one file with tree-sitter and walks the tree once, keeping the context the rules need
 *  (enclosing function, loop depth, nesting, entry point) and handing nodes to the rules. */
public final class TreeWalker {
    private static final ThreadLocal<Map<String, TSParser>> PARSERS = ThreadLocal.withInitial(HashMap::new);

    final FileContext ctx;
    final Grammar grammar;
    final boolean cli;
    private final NodeRules rules;
    private final CommentRules comments;
    private final Deque<Function> functions = new ArrayDeque<>();
    private Kind[] kindStack = new Kind[256];
    private boolean[] nestStack = new boolean[256];
    private int[] endStack = new int[256];
    private int depth;
    int loopDepth;
    int entryDepth;
    private int nest;
    private int guardDepth = -1;
    /** The captured node being visited and its byte range, known from the walk: rules asking for its
     *  text or lines then need no call into the native tree. */
    private TSNode current;
    private int currentStart;
    private int currentEnd;
    private String currentType;

    /** Metrics of the function being walked. */
    static final class Function {
        final String name;
        final int startLine;
        final TSNode node;
        /** Byte offset where the function ends, known from the walk. */
        final int endByte;
        int complexity = 1;
        int maxNest;
        int savedNest;
        boolean entry;

        Function(String name, int startLine, TSNode node, int endByte) {
            this.name = name;
            this.startLine = startLine;
            this.node = node;
            this.endByte = endByte;
        }
    }

    private TreeWalker(FileContext ctx, Grammar grammar) {
        this.ctx = ctx;
        this.grammar = grammar;
        this.cli = Languages.isCli(ctx.path) || ctx.bytes.length > 1 && ctx.bytes[0] == '#' && ctx.bytes[1] == '!';
        this.rules = new NodeRules(this);
        this.comments = new CommentRules(this);
    }

    /** Analyses a tree-language file (valid UTF-8, checked before); returns its lines of code. */
    public static int analyze(FileContext ctx) {
        Grammar grammar = Grammar.forFile(ctx.language, ctx.path);
        TSParser parser = PARSERS.get().computeIfAbsent(grammar.language, l -> {
            TSParser p = new TSParser();
            p.setLanguage(grammar.tsLanguage);
            return p;
        });
        TSTree tree = parse(parser, ctx.bytes);
        TreeWalker walker = new TreeWalker(ctx, grammar);
        walker.walk(tree.getRootNode());
        return walker.comments.finish();
    }

    /** Parses the file's bytes as they are: one read hands the whole file to the parser, so there is no
     *  decoded String copy and node byte offsets are offsets into ctx.bytes. */
    private static TSTree parse(TSParser parser, byte[] bytes) {
        byte[] buffer = new byte[Math.max(1, bytes.length)];
        TSReader whole = (buf, offset, position) -> {
            int n = Math.max(0, Math.min(buf.length, bytes.length - offset));
            System.arraycopy(bytes, offset, buf, 0, n);
            return n;
        };
        return parser.parse(buffer, null, whole, TSInputEncoding.TSInputEncodingUTF8);
    }

    /** Visits the query captures in document order; a capture that starts after the innermost open
     *  node ends closes that node first, which rebuilds enter/exit without walking every node in Java.
     *  A branch (a logical operator, a ternary, a case) only counts towards the enclosing function's complexity,
     *  so its end is never asked for. */
    private void walk(TSNode root) {
        TSQueryCursor cursor = new TSQueryCursor();
        cursor.exec(grammar.query, root);
        TSQueryMatch match = new TSQueryMatch();
        int skipUntil = -1;
        while (cursor.nextCapture(match)) {
            TSQueryCapture capture = match.getCaptures()[match.getCaptureIndex()];
            TSNode node = capture.getNode();
            int start = Nodes.startByte(node);
            if (start < skipUntil) {
                continue;
            }
            while (depth > 0 && endStack[depth - 1] <= start) {
                exit();
            }
            Kind kind = grammar.captureKind(capture.getIndex());
            if (kind == Kind.BRANCH_TOKEN) {
                branch();
                continue;
            }
            int end = Nodes.endByte(node);
            current = node;
            currentStart = start;
            currentEnd = end;
            currentType = grammar.captureType(capture.getIndex());
            if (!enter(node, kind, end)) {
                skipUntil = end;
            }
        }
        while (depth > 0) {
            exit();
        }
    }

    private boolean enter(TSNode node, Kind kind, int end) {
        Kind parent = depth > 0 ? kindStack[depth - 1] : Kind.OTHER;
        push(kind, end);
        switch (kind) {
            case COMMENT -> {
                comments.comment(node);
                return false;
            }
            case STRING -> {
                rules.string(node);
                return false;
            }
            case FUNCTION -> enterFunction(node);
            case IF -> {
                branch();
                if (parent != Kind.IF && parent != Kind.ELSE) {
                    nested();
                }
                if (ctx.language.equals("python") && depth == 1) {
                    pythonMainGuard(node);
                }
                rules.ifStatement(node);
            }
            case LOOP -> {
                branch();
                nested();
                loopDepth++;
            }
            case SWITCH, TRY -> nested();
            case CATCH -> {
                branch();
                rules.catchClause(node);
            }
            case CALL, NEW -> rules.call(node, kind);
            case ASSIGN, PAIR -> rules.assignment(node, kind);
            case ANNOTATION -> rules.annotation(node);
            default -> {
            }
        }
        return true;
    }

    private void branch() {
        Function f = functions.peek();
        if (f != null) {
            f.complexity++;
        }
    }

    private void exit() {
        depth--;
        Kind kind = kindStack[depth];
        if (nestStack[depth]) {
            nest--;
        }
        if (kind == Kind.LOOP) {
            loopDepth--;
        } else if (kind == Kind.FUNCTION) {
            Function f = functions.pop();
            nest = f.savedNest;
            if (f.entry) {
                entryDepth--;
            }
            rules.functionDone(f);
        } else if (depth == guardDepth) {
            guardDepth = -1;
            entryDepth--;
        }
    }

    private void push(Kind kind, int end) {
        if (depth == kindStack.length) {
            kindStack = java.util.Arrays.copyOf(kindStack, depth * 2);
            nestStack = java.util.Arrays.copyOf(nestStack, depth * 2);
            endStack = java.util.Arrays.copyOf(endStack, depth * 2);
        }
        kindStack[depth] = kind;
        endStack[depth] = end;
        nestStack[depth] = false;
        depth++;
    }

    private void nested() {
        nestStack[depth - 1] = true;
        nest++;
        Function f = functions.peek();
        if (f != null && nest > f.maxNest) {
            f.maxNest = nest;
        }
    }

    private void enterFunction(TSNode node) {
        TSNode nameNode = child(node, "name");
        String name = Nodes.isNull(nameNode) ? "" : text(nameNode);
        Function f = new Function(name, line(node), node, currentEnd);
        f.savedNest = nest;
        nest = 0;
        f.entry = name.equals("main");
        if (f.entry) {
            entryDepth++;
        }
        functions.push(f);
    }

    /** `if __name__ == "__main__":` at module level is Python's entry point. */
    private void pythonMainGuard(TSNode node) {
        TSNode condition = child(node, "condition");
        if (!Nodes.isNull(condition) && text(condition).contains("__name__")) {
            entryDepth++;
            guardDepth = depth - 1;
        }
    }

    Function function() {
        return functions.peek();
    }

    boolean inEntryPoint() {
        return entryDepth > 0 || cli;
    }

    String text(TSNode node) {
        return node == current ? ctx.text(currentStart, currentEnd) : ctx.text(Nodes.startByte(node), Nodes.endByte(node));
    }

    /** Byte range and node type of the captured node being visited. */
    int currentStart() {
        return currentStart;
    }

    int currentEnd() {
        return currentEnd;
    }

    String currentType() {
        return currentType;
    }

    Kind kind(TSNode node) {
        return grammar.kind(Nodes.symbol(node));
    }

    /** The child in a field, by the grammar's field id (no field-name string crosses into native code). */
    TSNode child(TSNode node, String field) {
        return Nodes.childByFieldId(node, grammar.fieldId(field));
    }

    /** 1-based first line of a node. */
    int line(TSNode node) {
        return Nodes.startRow(node) + 1;
    }

    /** 1-based last line of a node. */
    int endLine(TSNode node) {
        return ctx.lineAt(node == current ? currentEnd : Nodes.endByte(node));
    }
}
