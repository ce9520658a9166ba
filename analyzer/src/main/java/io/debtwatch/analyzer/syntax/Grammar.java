package io.debtwatch.analyzer.syntax;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSLanguage;
import org.treesitter.TSQuery;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

/** One tree-sitter grammar: its language object and a symbol-id to Kind table, so the walk never
 *  builds node type strings. */
public final class Grammar {
    private static final Map<String, Grammar> GRAMMARS = new HashMap<>();

    /** Kinds the walk visits; the others are only looked at as children of visited nodes. */
    private static final List<Kind> VISITED = List.of(Kind.COMMENT, Kind.STRING, Kind.FUNCTION, Kind.CALL, Kind.NEW,
            Kind.CATCH, Kind.IF, Kind.ELSE, Kind.LOOP, Kind.SWITCH, Kind.TRY, Kind.ASSIGN, Kind.PAIR, Kind.ANNOTATION);

    final String language;
    final TSLanguage tsLanguage;
    /** One query capturing every visited node and every branch, so the tree is walked in C. */
    final TSQuery query;
    private final Kind[] captureKinds;
    /** The node type each capture stands for (null for the branch patterns), so a rule can tell a Java
     *  variable declarator from an assignment without asking the tree. */
    private final String[] captureTypes;
    private final Kind[] kinds;
    /** Field names the rules ask for; their ids are looked up once per grammar. */
    private static final List<String> FIELDS = List.of("name", "body", "condition", "consequence", "arguments", "object",
            "type", "constructor", "function", "parameters", "left", "right", "value", "key");
    private final Map<String, Integer> fieldIds = new HashMap<>();

    private Grammar(String language, TSLanguage tsLanguage, Map<String, Kind> names, List<String> branches) {
        this.language = language;
        this.tsLanguage = tsLanguage;
        StringBuilder source = new StringBuilder();
        List<Kind> captures = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Map.Entry<String, Kind> e : new java.util.TreeMap<>(names).entrySet()) {
            if (VISITED.contains(e.getValue()) && tsLanguage.symbolForName(e.getKey(), true) != 0) {
                source.append('(').append(e.getKey()).append(") @c").append(captures.size()).append('\n');
                captures.add(e.getValue());
                types.add(e.getKey());
            }
        }
        for (String branch : branches) {
            source.append(branch).append(" @c").append(captures.size()).append('\n');
            captures.add(Kind.BRANCH_TOKEN);
            types.add(null);
        }
        this.query = new TSQuery(tsLanguage, source.toString());
        this.captureKinds = new Kind[captures.size()];
        this.captureTypes = new String[captures.size()];
        for (int i = 0; i < captures.size(); i++) {
            int id = Integer.parseInt(query.getCaptureNameForId(i).substring(1));
            captureKinds[id] = captures.get(i);
            captureTypes[id] = types.get(i);
        }
        int n = tsLanguage.symbolCount();
        this.kinds = new Kind[n + 1];
        for (int i = 0; i < n; i++) {
            String name = tsLanguage.symbolName(i);
            kinds[i] = name == null ? Kind.OTHER : names.getOrDefault(name, Kind.OTHER);
        }
        kinds[n] = Kind.OTHER;
        for (String field : FIELDS) {
            fieldIds.put(field, tsLanguage.fieldIdForName(field));
        }
    }

    /** The grammar of a file: its language's, except that TypeScript files with JSX (.tsx) have a grammar of
     *  their own (the TypeScript grammar reads `<div>` as a type assertion and fails on JSX). */
    static Grammar forFile(String language, String path) {
        return of(language.equals("typescript") && path.regionMatches(true, path.length() - 4, ".tsx", 0, 4) ? "tsx" : language);
    }

    /** The grammar of a tree language (or "tsx"); created once per process. */
    public static synchronized Grammar of(String language) {
        return GRAMMARS.computeIfAbsent(language, Grammar::create);
    }

    /** The grammar's id of a field name; 0 (no field) when the grammar has none of that name. */
    int fieldId(String field) {
        Integer id = fieldIds.get(field);
        return id != null ? id : tsLanguage.fieldIdForName(field);
    }

    Kind captureKind(int captureIndex) {
        return captureKinds[captureIndex];
    }

    /** The node type name of a capture; null for a branch pattern. */
    String captureType(int captureIndex) {
        return captureTypes[captureIndex];
    }

    Kind kind(int symbol) {
        return symbol >= 0 && symbol < kinds.length ? kinds[symbol] : Kind.OTHER;
    }

    private static Grammar create(String language) {
        TreeSitterNatives.optimised();
        return switch (language) {
            case "java" -> build(language, TreeSitterJava::new, java(), List.of(LOGICAL, "(ternary_expression)", "(switch_label)"));
            case "python" -> build(language, TreeSitterPython::new, python(),
                    List.of("(boolean_operator)", "(conditional_expression)", "(elif_clause)", "(case_clause)"));
            case "javascript" -> build(language, TreeSitterJavascript::new, javascript(), JS_BRANCHES);
            case "typescript" -> build(language, TreeSitterTypescript::new, javascript(), JS_BRANCHES);
            case "tsx" -> build(language, TreeSitterTsx::new, javascript(), JS_BRANCHES);
            case "go" -> build(language, TreeSitterGo::new, go(),
                    List.of(LOGICAL, "(expression_case)", "(type_case)", "(communication_case)"));
            default -> throw new IllegalArgumentException("no grammar for " + language);
        };
    }

    private static final String LOGICAL = "(binary_expression operator: [\"&&\" \"||\"])";
    private static final List<String> JS_BRANCHES = List.of(LOGICAL, "(ternary_expression)", "(switch_case)");

    private static Grammar build(String language, Supplier<TSLanguage> factory, Map<String, Kind> names, List<String> branches) {
        return new Grammar(language, factory.get(), names, branches);
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
