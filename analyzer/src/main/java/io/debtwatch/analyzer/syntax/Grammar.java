package io.debtwatch.analyzer.syntax;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.treesitter.TSLanguage;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTypescript;

/** One tree-sitter grammar: its language object and a symbol-id to Kind table, so the walk never
 *  builds node type strings. */
public final class Grammar {
    private static final Map<String, Grammar> GRAMMARS = new HashMap<>();

    final String language;
    final TSLanguage tsLanguage;
    private final Kind[] kinds;

    private Grammar(String language, TSLanguage tsLanguage, Map<String, Kind> names) {
        this.language = language;
        this.tsLanguage = tsLanguage;
        int n = tsLanguage.symbolCount();
        this.kinds = new Kind[n + 1];
        for (int i = 0; i < n; i++) {
            String name = tsLanguage.symbolName(i);
            kinds[i] = name == null ? Kind.OTHER : names.getOrDefault(name, Kind.OTHER);
        }
        kinds[n] = Kind.OTHER;
    }

    /** The grammar of a tree language; created once per process. */
    public static synchronized Grammar of(String language) {
        return GRAMMARS.computeIfAbsent(language, Grammar::create);
    }

    Kind kind(int symbol) {
        return symbol >= 0 && symbol < kinds.length ? kinds[symbol] : Kind.OTHER;
    }

    private static Grammar create(String language) {
        return switch (language) {
            case "java" -> build(language, TreeSitterJava::new, java());
            case "python" -> build(language, TreeSitterPython::new, python());
            case "javascript" -> build(language, TreeSitterJavascript::new, javascript());
            case "typescript" -> build(language, TreeSitterTypescript::new, javascript());
            case "go" -> build(language, TreeSitterGo::new, go());
            default -> throw new IllegalArgumentException("no grammar for " + language);
        };
    }

    private static Grammar build(String language, Supplier<TSLanguage> factory, Map<String, Kind> names) {
        return new Grammar(language, factory.get(), names);
    }

    private static Map<String, Kind> common() {
        Map<String, Kind> m = new HashMap<>();
        m.put("comment", Kind.COMMENT);
        m.put("if_statement", Kind.IF);
        m.put("for_statement", Kind.LOOP);
        m.put("while_statement", Kind.LOOP);
        m.put("do_statement", Kind.LOOP);
        m.put("try_statement", Kind.TRY);
        m.put("catch_clause", Kind.CATCH);
        m.put("import_statement", Kind.IMPORT);
        m.put("identifier", Kind.IDENTIFIER);
        m.put("true", Kind.TRUE);
        m.put("false", Kind.FALSE);
        for (String token : new String[] {"if", "for", "while", "case", "catch", "except", "elif", "&&", "||", "and", "or", "?"}) {
            m.put(token, Kind.BRANCH_TOKEN);
        }
        return m;
    }

    private static Map<String, Kind> java() {
        Map<String, Kind> m = common();
        m.put("line_comment", Kind.COMMENT);
        m.put("block_comment", Kind.COMMENT);
        m.put("string_literal", Kind.STRING);
        m.put("text_block", Kind.STRING);
        m.put("method_declaration", Kind.FUNCTION);
        m.put("constructor_declaration", Kind.FUNCTION);
        m.put("lambda_expression", Kind.FUNCTION);
        m.put("method_invocation", Kind.CALL);
        m.put("object_creation_expression", Kind.NEW);
        m.put("enhanced_for_statement", Kind.LOOP);
        m.put("switch_expression", Kind.SWITCH);
        m.put("variable_declarator", Kind.ASSIGN);
        m.put("assignment_expression", Kind.ASSIGN);
        m.put("element_value_pair", Kind.PAIR);
        m.put("import_declaration", Kind.IMPORT);
        m.put("block", Kind.BLOCK);
        m.put("decimal_integer_literal", Kind.NUMBER);
        m.put("annotation", Kind.ANNOTATION);
        m.put("marker_annotation", Kind.ANNOTATION);
        return m;
    }

    private static Map<String, Kind> python() {
        Map<String, Kind> m = common();
        m.put("string", Kind.STRING);
        m.put("function_definition", Kind.FUNCTION);
        m.put("lambda", Kind.FUNCTION);
        m.put("call", Kind.CALL);
        m.put("except_clause", Kind.CATCH);
        m.put("with_statement", Kind.TRY);
        m.put("match_statement", Kind.SWITCH);
        m.put("assignment", Kind.ASSIGN);
        m.put("keyword_argument", Kind.PAIR);
        m.put("pair", Kind.PAIR);
        m.put("import_from_statement", Kind.IMPORT);
        m.put("block", Kind.BLOCK);
        m.put("integer", Kind.NUMBER);
        m.put("True", Kind.TRUE);
        m.put("False", Kind.FALSE);
        m.put("decorator", Kind.ANNOTATION);
        return m;
    }

    private static Map<String, Kind> javascript() {
        Map<String, Kind> m = common();
        m.put("string", Kind.STRING);
        m.put("template_string", Kind.STRING);
        m.put("function_declaration", Kind.FUNCTION);
        m.put("function_expression", Kind.FUNCTION);
        m.put("generator_function_declaration", Kind.FUNCTION);
        m.put("arrow_function", Kind.FUNCTION);
        m.put("method_definition", Kind.FUNCTION);
        m.put("call_expression", Kind.CALL);
        m.put("new_expression", Kind.NEW);
        m.put("for_in_statement", Kind.LOOP);
        m.put("switch_statement", Kind.SWITCH);
        m.put("else_clause", Kind.ELSE);
        m.put("variable_declarator", Kind.ASSIGN);
        m.put("assignment_expression", Kind.ASSIGN);
        m.put("pair", Kind.PAIR);
        m.put("statement_block", Kind.BLOCK);
        m.put("number", Kind.NUMBER);
        m.put("member_expression", Kind.MEMBER);
        m.put("decorator", Kind.ANNOTATION);
        return m;
    }

    private static Map<String, Kind> go() {
        Map<String, Kind> m = common();
        m.put("interpreted_string_literal", Kind.STRING);
        m.put("raw_string_literal", Kind.STRING);
        m.put("function_declaration", Kind.FUNCTION);
        m.put("method_declaration", Kind.FUNCTION);
        m.put("func_literal", Kind.FUNCTION);
        m.put("call_expression", Kind.CALL);
        m.put("expression_switch_statement", Kind.SWITCH);
        m.put("type_switch_statement", Kind.SWITCH);
        m.put("select_statement", Kind.SWITCH);
        m.put("assignment_statement", Kind.ASSIGN);
        m.put("short_var_declaration", Kind.ASSIGN);
        m.put("var_spec", Kind.ASSIGN);
        m.put("const_spec", Kind.ASSIGN);
        m.put("keyed_element", Kind.PAIR);
        m.put("import_spec", Kind.IMPORT);
        m.put("block", Kind.BLOCK);
        m.put("int_literal", Kind.NUMBER);
        return m;
    }
}
