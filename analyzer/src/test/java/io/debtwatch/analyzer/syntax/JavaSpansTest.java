package io.debtwatch.analyzer.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.analyzer.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSTree;

/** JavaSpans reads from the bytes what the rules used to ask the tree for; where it gives an answer, it must be
 *  the tree's, and where the layout leaves room for doubt it must give none. */
class JavaSpansTest {

    @Test
    void readsPlainCallsAndDeclinesTheRest() {
        assertArrayEquals(new int[] {-1, -1, 0, 3}, call("foo(x)"));
        assertArrayEquals(new int[] {0, 10, 11, 18}, call("System.out.println(x)"));
        assertArrayEquals(new int[] {0, 3, 8, 9}, call("a.b  .  c (x)"));
        assertArrayEquals(new int[] {0, 5, 6, 9}, call("super.foo()"));
        assertNull(call("a\n    .b()"), "a line break may hide a line comment");
        assertNull(call("a /* c */ .b()"), "a comment between object and name");
        assertNull(call("a.super.b()"), "the object of a.super.b() is a");
        assertNull(call("Collections.<String>emptyList()"), "type arguments");
        assertNull(call("a.caf\u00e9()"), "non-ASCII name");
    }

    @Test
    void readsPlainConstructorTypesAndDeclinesTheRest() {
        assertArrayEquals(new int[] {4, 15}, creation("new ArrayList<>()"));
        assertArrayEquals(new int[] {5, 14}, creation("new  java.io.X ()"));
        assertNull(creation("outer.new Inner()"));
        assertNull(creation("new @NonNull Foo()"));
        assertNull(creation("new <T>Foo()"));
        assertNull(creation("new\nFoo()"));
    }

    @Test
    void readsPlainAssignmentTargets() {
        byte[] b = bytes("this.password = x");
        assertEquals(13, JavaSpans.dottedTargetEnd(b, 0, b.length));
        b = bytes("count += 1");
        assertEquals(5, JavaSpans.dottedTargetEnd(b, 0, b.length));
        b = bytes("a[0] = 1");
        assertEquals(-1, JavaSpans.dottedTargetEnd(b, 0, b.length));
        b = bytes("secret[] = null");
        assertEquals(6, JavaSpans.identifierEnd(b, 0, b.length));
    }

    /** Every answer JavaSpans gives on this repository's own Java sources agrees with the tree. */
    @Test
    void agreesWithTheTreeOnThisRepository() throws IOException {
        Grammar grammar = Grammar.of("java");
        TSQuery query = new TSQuery(grammar.tsLanguage, "(method_invocation) @call (object_creation_expression) @new"
                + " (variable_declarator) @declarator (element_value_pair) @pair (assignment_expression) @assign");
        TSParser parser = new TSParser();
        parser.setLanguage(grammar.tsLanguage);
        int[] answered = new int[5];
        for (Path file : javaSources(RepositoryRoot.find())) {
            byte[] b = Files.readAllBytes(file);
            TSTree tree = parser.parse(new byte[Math.max(1, b.length)], null, (buf, offset, position) -> {
                int n = Math.max(0, Math.min(buf.length, b.length - offset));
                System.arraycopy(b, offset, buf, 0, n);
                return n;
            }, TSInputEncoding.TSInputEncodingUTF8);
            TSQueryCursor cursor = new TSQueryCursor();
            cursor.exec(query, tree.getRootNode());
            TSQueryMatch match = new TSQueryMatch();
            while (cursor.nextCapture(match)) {
                TSQueryCapture capture = match.getCaptures()[match.getCaptureIndex()];
                TSNode node = capture.getNode();
                String where = file + " at byte " + node.getStartByte();
                int kind = capture.getIndex();
                if (check(kind, node, b, where)) {
                    answered[kind]++;
                }
            }
        }
        for (int kind = 0; kind < answered.length; kind++) {
            assertTrue(answered[kind] > 20, "too few answers to compare for capture " + kind + ": " + answered[kind]);
        }
    }

    private static boolean check(int kind, TSNode node, byte[] b, String where) {
        int start = node.getStartByte();
        int end = node.getEndByte();
        TSNode args = node.getChildByFieldName("arguments");
        switch (kind) {
            case 0 -> {
                int[] parts = args.isNull() ? null : JavaSpans.methodInvocation(b, start, args.getStartByte());
                TSNode name = node.getChildByFieldName("name");
                TSNode object = node.getChildByFieldName("object");
                return parts != null && agrees(new int[] {object.isNull() ? -1 : object.getStartByte(),
                    object.isNull() ? -1 : object.getEndByte(), name.getStartByte(), name.getEndByte()}, parts, where);
            }
            case 1 -> {
                int[] type = args.isNull() ? null : JavaSpans.objectCreationType(b, start, args.getStartByte());
                TSNode t = node.getChildByFieldName("type");
                return type != null && agrees(new int[] {t.getStartByte(), t.getEndByte()}, type, where);
            }
            case 2, 3 -> {
                int nameEnd = JavaSpans.identifierEnd(b, start, end);
                if (nameEnd < 0) {
                    return false;
                }
                TSNode name = node.getChildByFieldName(kind == 2 ? "name" : "key");
                assertEquals(name.getStartByte(), start, where);
                assertEquals(name.getEndByte(), nameEnd, where);
                return true;
            }
            default -> {
                int targetEnd = JavaSpans.dottedTargetEnd(b, start, end);
                if (targetEnd < 0) {
                    return false;
                }
                assertEquals(node.getChildByFieldName("left").getEndByte(), targetEnd, where);
                return true;
            }
        }
    }

    private static boolean agrees(int[] tree, int[] spans, String where) {
        assertArrayEquals(tree, spans, where);
        return true;
    }

    private static List<Path> javaSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")
                    && !p.toString().contains("/.git/")).sorted().toList();
        }
    }

    private static int[] call(String text) {
        byte[] b = bytes(text);
        return JavaSpans.methodInvocation(b, 0, lastParen(b));
    }

    private static int[] creation(String text) {
        byte[] b = bytes(text);
        return JavaSpans.objectCreationType(b, 0, lastParen(b));
    }

    private static int lastParen(byte[] b) {
        int i = b.length - 1;
        while (b[i] != '(') {
            i--;
        }
        return i;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
