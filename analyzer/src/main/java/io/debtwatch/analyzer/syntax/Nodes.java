package io.debtwatch.analyzer.syntax;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import org.treesitter.TSException;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

/** Node accessors with as few native calls as the tree allows. Each of the binding's public TSNode accessors
 *  makes two native calls (a null check, then the accessor), and each native call of the binding's own library
 *  looks the node's six fields up by name through JNI: a perf profile put a quarter of the analyzer's CPU time in
 *  those lookups (the optimised library, TreeSitterNatives, looks them up once, but the calls remain). Yet a
 *  node's start byte, start row and null-ness are plain fields of the Java object (tree-sitter keeps them in
 *  the node's context). So the fields are read directly, and the binding's native functions are called once per
 *  access with the null check done in Java. This relies on io.github.bonede:tree-sitter 0.25.3's private
 *  members; when they are not there, every accessor falls back to the public API, so results never change. */
final class Nodes {
    private static final VarHandle START_BYTE;
    private static final VarHandle START_ROW;
    private static final VarHandle ID;
    private static final MethodHandle END_BYTE;
    private static final MethodHandle SYMBOL;
    private static final MethodHandle NAMED_CHILD_COUNT;
    private static final MethodHandle NAMED_CHILD;
    private static final MethodHandle CHILD_BY_FIELD_ID;
    private static final MethodHandle SET_TREE;
    private static final boolean DIRECT;

    static {
        VarHandle startByte = null;
        VarHandle startRow = null;
        VarHandle id = null;
        MethodHandle endByte = null;
        MethodHandle symbol = null;
        MethodHandle namedChildCount = null;
        MethodHandle namedChild = null;
        MethodHandle childByFieldId = null;
        MethodHandle setTree = null;
        boolean direct;
        try {
            MethodHandles.Lookup node = MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup());
            MethodHandles.Lookup parser = MethodHandles.privateLookupIn(TSParser.class, MethodHandles.lookup());
            startByte = node.findVarHandle(TSNode.class, "context0", int.class);
            startRow = node.findVarHandle(TSNode.class, "context1", int.class);
            id = node.findVarHandle(TSNode.class, "idPtr", long.class);
            MethodType toInt = MethodType.methodType(int.class, TSNode.class);
            MethodType toNode = MethodType.methodType(TSNode.class, TSNode.class, int.class);
            endByte = parser.findStatic(TSParser.class, "ts_node_end_byte", toInt);
            symbol = parser.findStatic(TSParser.class, "ts_node_symbol", toInt);
            namedChildCount = parser.findStatic(TSParser.class, "ts_node_named_child_count", toInt);
            namedChild = parser.findStatic(TSParser.class, "ts_node_named_child", toNode);
            childByFieldId = parser.findStatic(TSParser.class, "ts_node_child_by_field_id", toNode);
            setTree = node.findVirtual(TSNode.class, "setTree", MethodType.methodType(void.class, TSTree.class));
            direct = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            direct = false;
        }
        START_BYTE = startByte;
        START_ROW = startRow;
        ID = id;
        END_BYTE = endByte;
        SYMBOL = symbol;
        NAMED_CHILD_COUNT = namedChildCount;
        NAMED_CHILD = namedChild;
        CHILD_BY_FIELD_ID = childByFieldId;
        SET_TREE = setTree;
        DIRECT = direct;
    }

    private Nodes() {
    }

    static boolean isNull(TSNode node) {
        return DIRECT ? (long) ID.get(node) == 0 : node.isNull();
    }

    static int startByte(TSNode node) {
        if (!DIRECT) {
            return node.getStartByte();
        }
        notNull(node);
        return (int) START_BYTE.get(node);
    }

    /** 0-based row of the node's first byte. */
    static int startRow(TSNode node) {
        if (!DIRECT) {
            return node.getStartPoint().getRow();
        }
        notNull(node);
        return (int) START_ROW.get(node);
    }

    static int endByte(TSNode node) {
        return number(END_BYTE, node, TSNode::getEndByte);
    }

    static int symbol(TSNode node) {
        return number(SYMBOL, node, TSNode::getSymbol);
    }

    static int namedChildCount(TSNode node) {
        return number(NAMED_CHILD_COUNT, node, TSNode::getNamedChildCount);
    }

    static TSNode namedChild(TSNode node, int index) {
        return child(NAMED_CHILD, node, index, TSNode::getNamedChild);
    }

    static TSNode childByFieldId(TSNode node, int fieldId) {
        return child(CHILD_BY_FIELD_ID, node, fieldId, TSNode::getChildByFieldId);
    }

    /** One native call returning a number, or the public accessor when the direct path is not available. */
    private static int number(MethodHandle nativeCall, TSNode node, ToIntFunction<TSNode> publicApi) {
        if (!DIRECT) {
            return publicApi.applyAsInt(node);
        }
        notNull(node);
        try {
            return (int) nativeCall.invokeExact(node);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** One native call returning a child node, or the public accessor when the direct path is not available. */
    private static TSNode child(MethodHandle nativeCall, TSNode node, int arg, BiFunction<TSNode, Integer, TSNode> publicApi) {
        if (!DIRECT) {
            return publicApi.apply(node, arg);
        }
        notNull(node);
        try {
            return withTree((TSNode) nativeCall.invokeExact(node, arg), node);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** A child keeps a reference to its tree, as the binding's own accessors do, so the native tree lives as
     *  long as any node of it. */
    private static TSNode withTree(TSNode child, TSNode parent) throws Throwable {
        SET_TREE.invokeExact(child, parent.getTree());
        return child;
    }

    private static void notNull(TSNode node) {
        if ((long) ID.get(node) == 0) {
            throw new TSException("Node is a null node");
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException("tree-sitter node access failed", e);
    }
}
