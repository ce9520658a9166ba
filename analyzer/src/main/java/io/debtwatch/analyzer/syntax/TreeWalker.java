package io.debtwatch.analyzer.syntax;

import io.debtwatch.analyzer.FileContext;
import io.debtwatch.analyzer.Languages;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

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
    private int depth;
    int loopDepth;
    int entryDepth;
    private int nest;
    private int guardDepth = -1;

    /** Metrics of the function being walked. */
    static final class Function {
        final String name;
        final int startLine;
        final TSNode node;
        int complexity = 1;
        int maxNest;
        int savedNest;
        boolean entry;

        Function(String name, int startLine, TSNode node) {
            this.name = name;
            this.startLine = startLine;
            this.node = node;
        }
    }

    private TreeWalker(FileContext ctx, Grammar grammar) {
        this.ctx = ctx;
        this.grammar = grammar;
        this.cli = Languages.isCli(ctx.path) || ctx.bytes.length > 1 && ctx.bytes[0] == '#' && ctx.bytes[1] == '!';
        this.rules = new NodeRules(this);
        this.comments = new CommentRules(this);
    }

    /** Analyses a tree-language file whose decoded text is given; returns its lines of code. */
    public static int analyze(FileContext ctx, String text) {
        Grammar grammar = Grammar.of(ctx.language);
        TSParser parser = PARSERS.get().computeIfAbsent(ctx.language, l -> {
            TSParser p = new TSParser();
            p.setLanguage(grammar.tsLanguage);
            return p;
        });
        TSTree tree = parser.parseString(null, text);
        TreeWalker walker = new TreeWalker(ctx, grammar);
        walker.walk(tree.getRootNode());
        return walker.comments.finish();
    }

    private void walk(TSNode root) {
        TSTreeCursor cursor = new TSTreeCursor(root);
        boolean descend = enter(cursor.currentNode());
        while (true) {
            if (descend && cursor.gotoFirstChild()) {
                descend = enter(cursor.currentNode());
                continue;
            }
            while (true) {
                exit();
                if (cursor.gotoNextSibling()) {
                    descend = enter(cursor.currentNode());
                    break;
                }
                if (!cursor.gotoParent()) {
                    return;
                }
            }
        }
    }

    private boolean enter(TSNode node) {
        Kind kind = grammar.kind(node.getSymbol());
        Kind parent = depth > 0 ? kindStack[depth - 1] : Kind.OTHER;
        push(kind);
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
                if (parent != Kind.IF && parent != Kind.ELSE) {
                    nested();
                }
                if (ctx.language.equals("python") && depth == 2) {
                    pythonMainGuard(node);
                }
                rules.ifStatement(node);
            }
            case LOOP -> {
                nested();
                loopDepth++;
            }
            case SWITCH, TRY -> nested();
            case CATCH -> rules.catchClause(node);
            case BRANCH_TOKEN -> {
                Function f = functions.peek();
                if (f != null) {
                    f.complexity++;
                }
            }
            case CALL, NEW -> rules.call(node, kind);
            case ASSIGN, PAIR -> rules.assignment(node, kind);
            case ANNOTATION -> rules.annotation(node);
            default -> {
            }
        }
        return true;
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

    private void push(Kind kind) {
        if (depth == kindStack.length) {
            kindStack = java.util.Arrays.copyOf(kindStack, depth * 2);
            nestStack = java.util.Arrays.copyOf(nestStack, depth * 2);
        }
        kindStack[depth] = kind;
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
        TSNode nameNode = node.getChildByFieldName("name");
        String name = nameNode.isNull() ? "" : text(nameNode);
        Function f = new Function(name, line(node), node);
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
        TSNode condition = node.getChildByFieldName("condition");
        if (!condition.isNull() && text(condition).contains("__name__")) {
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
        return ctx.text(node.getStartByte(), node.getEndByte());
    }

    Kind kind(TSNode node) {
        return grammar.kind(node.getSymbol());
    }

    static int line(TSNode node) {
        return node.getStartPoint().getRow() + 1;
    }

    static int endLine(TSNode node) {
        return node.getEndPoint().getRow() + 1;
    }
}
