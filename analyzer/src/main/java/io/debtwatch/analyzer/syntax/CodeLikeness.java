package io.debtwatch.analyzer.syntax;

import java.util.regex.Pattern;

/** Decides whether a comment line is commented-out code rather than prose. */
final class CodeLikeness {
    private static final String[] CODE_STARTS = {"import ", "return ", "return;", "if (", "if(", "for (", "for(",
        "while (", "def ", "var ", "let ", "const ", "func ", "public ", "private ", "protected ", "System.",
        "console.", "print(", "}", "else", "try {", "catch (", "from ", "self.", "this.", "fmt."};

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][\\w.\\[\\]]*\\s*[+\\-*/]?=\\s*[^=\\s].*");

    private CodeLikeness() {
    }

    static String stripCommentMarkers(String line) {
        String s = line.strip();
        if (s.startsWith("/**") || s.startsWith("/*")) {
            s = s.substring(s.startsWith("/**") ? 3 : 2);
        } else if (s.startsWith("//")) {
            s = s.substring(2);
        } else if (s.startsWith("#")) {
            s = s.substring(1);
        } else if (s.startsWith("*") && !s.startsWith("*/")) {
            s = s.substring(1);
        }
        if (s.endsWith("*/")) {
            s = s.substring(0, s.length() - 2);
        }
        return s.strip();
    }

    static boolean looksLikeCode(String s) {
        if (s.isEmpty() || s.startsWith("@") || s.contains("TODO") || s.contains("FIXME")) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (last == ';' || last == '{' || last == '}') {
            return true;
        }
        for (String start : CODE_STARTS) {
            if (s.startsWith(start)) {
                return true;
            }
        }
        return (last == ')' || last == ':') && s.indexOf('(') > 0 && s.indexOf(' ') < 0
                || ASSIGNMENT.matcher(s).matches() && !s.contains(". ");
    }
}
