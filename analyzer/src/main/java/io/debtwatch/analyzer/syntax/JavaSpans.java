package io.debtwatch.analyzer.syntax;

/** Byte ranges of the parts of a Java node that the rules read (the callee of a call, the type of a
 *  constructor call, the target of an assignment), found in the file's bytes next to offsets the walk already
 *  knows, instead of asking the tree for a field child and its end (two native calls each). Each method
 *  recognises only plain layouts (ASCII identifiers, spaces or tabs between tokens) where the bytes leave no
 *  doubt about where tree-sitter's child starts and ends, and returns -1 or null for anything else (a comment,
 *  a line break, type arguments, annotations, non-ASCII names), in which case the caller asks the tree as
 *  before. */
final class JavaSpans {
    private JavaSpans() {
    }

    /** A callee {objectStart, objectEnd, nameStart, nameEnd} of a method invocation spanning [start, argsStart)
     *  up to its argument list; objectStart is -1 when the call has no object. Null when the layout is not plain. */
    static int[] methodInvocation(byte[] b, int start, int argsStart) {
        int nameEnd = skipBlanksBack(b, start, argsStart);
        int nameStart = identifierStartBefore(b, start, nameEnd);
        if (nameStart < 0) {
            return null;
        }
        if (nameStart == start) {
            return new int[] {-1, -1, nameStart, nameEnd};
        }
        int dot = skipBlanksBack(b, start, nameStart);
        if (dot <= start || b[dot - 1] != '.') {
            return null;
        }
        int objectEnd = skipBlanksBack(b, start, dot - 1);
        if (objectEnd <= start || !plainTokenEnd(b[objectEnd - 1])) {
            return null;
        }
        // `a.super.m()`: the object is `a`, not `a.super`
        int word = identifierStartBefore(b, start, objectEnd);
        if (word > start && objectEnd - word == 5 && regionIs(b, word, "super")) {
            return null;
        }
        return new int[] {start, objectEnd, nameStart, nameEnd};
    }

    /** The type {typeStart, typeEnd} of `new Type(...)` spanning [start, argsStart); null when not plain
     *  (a qualified `outer.new`, annotations, type arguments before the type, comments, line breaks). */
    static int[] objectCreationType(byte[] b, int start, int argsStart) {
        if (argsStart - start < 5 || !regionIs(b, start, "new") || b[start + 3] != ' ' && b[start + 3] != '\t') {
            return null;
        }
        int typeStart = start + 3;
        while (typeStart < argsStart && (b[typeStart] == ' ' || b[typeStart] == '\t')) {
            typeStart++;
        }
        int typeEnd = skipBlanksBack(b, typeStart, argsStart);
        if (typeEnd <= typeStart || !identifierStart(b[typeStart]) || !plainTokenEnd(b[typeEnd - 1])) {
            return null;
        }
        return new int[] {typeStart, typeEnd};
    }

    /** End of the ASCII identifier starting at from (the name of a variable declarator); -1 when there is none
     *  or it runs into a non-ASCII byte. */
    static int identifierEnd(byte[] b, int from, int limit) {
        if (from >= limit || !identifierStart(b[from])) {
            return -1;
        }
        int i = from;
        while (i < limit && identifierPart(b[i])) {
            i++;
        }
        return i < limit && b[i] < 0 ? -1 : i;
    }

    /** End of the target of an assignment that starts at from when the target is a plain dotted name
     *  (`x`, `this.x`, `a.b.c`) followed, after spaces or tabs, by an assignment operator; -1 otherwise. */
    static int dottedTargetEnd(byte[] b, int from, int limit) {
        int end = identifierEnd(b, from, limit);
        while (end > 0 && end < limit && b[end] == '.') {
            end = identifierEnd(b, end + 1, limit);
        }
        if (end < 0) {
            return -1;
        }
        int op = end;
        while (op < limit && (b[op] == ' ' || b[op] == '\t')) {
            op++;
        }
        return op < limit && "=+-*%&|^<>".indexOf(b[op]) >= 0 ? end : -1;
    }

    /** Offset after the last non-blank byte before end (spaces and tabs only), not before floor. */
    private static int skipBlanksBack(byte[] b, int floor, int end) {
        int i = end;
        while (i > floor && (b[i - 1] == ' ' || b[i - 1] == '\t')) {
            i--;
        }
        return i;
    }

    /** Start of the ASCII identifier ending at end, or -1 (no identifier there, or a non-ASCII byte or digit
     *  before it). */
    private static int identifierStartBefore(byte[] b, int floor, int end) {
        int i = end;
        while (i > floor && identifierPart(b[i - 1])) {
            i--;
        }
        if (i == end || i > floor && b[i - 1] < 0 || !identifierStart(b[i])) {
            return -1;
        }
        return i;
    }

    /** The last byte of a token that cannot be the end of a comment or a line. */
    private static boolean plainTokenEnd(byte c) {
        return c != '/' && c != '\n' && c != '\r' && c >= 0;
    }

    private static boolean identifierStart(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean identifierPart(byte c) {
        return identifierStart(c) || c >= '0' && c <= '9';
    }

    private static boolean regionIs(byte[] b, int at, String ascii) {
        if (at + ascii.length() > b.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
