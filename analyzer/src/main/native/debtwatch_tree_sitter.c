/*
 * The native methods of io.github.bonede:tree-sitter's org.treesitter.TSParser that the analyzer calls,
 * implemented over the tree-sitter core in vendor/tree-sitter, compiled with optimisation.
 *
 * The binding's own library is a debug build (-O0, stack protectors): tree-sitter's parser and query engine
 * run about three times slower there, and every native call looks its classes and fields up by name. This
 * library is loaded by io.debtwatch.analyzer.syntax.TreeSitterNatives, which hands over the binding's classes;
 * register() binds the methods below with RegisterNatives, so the binding's Java API stays the analyzer's one
 * way to use tree-sitter and only the implementation underneath changes. Grammars stay the binding's.
 *
 * Every TSParser native the analyzer reaches is bound here (TreeSitterNativesTest checks that no other one is
 * linked from the binding's library during a scan), so no tree made here is ever handed to the binding's copy
 * of the core.
 */
#include <jni.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tree_sitter/api.h"

static jclass node_class;
static jmethodID node_init;
static jfieldID node_context[4];
static jfieldID node_id;
static jfieldID node_tree;

static jclass point_class;
static jmethodID point_init;

static jfieldID match_id;
static jfieldID match_pattern_index;
static jfieldID match_capture_index;
static jfieldID match_captures;

static jclass capture_class;
static jmethodID capture_init;
static jfieldID capture_node;
static jfieldID capture_index;

static jmethodID reader_read;
static jclass query_exception_class;

static jlong to_jlong(const void *pointer) {
    return (jlong) (intptr_t) pointer;
}

static void *to_pointer(jlong value) {
    return (void *) (intptr_t) value;
}

static TSNode node_from_java(JNIEnv *env, jobject object) {
    TSNode node;
    for (int i = 0; i < 4; i++) {
        node.context[i] = (uint32_t) (*env)->GetIntField(env, object, node_context[i]);
    }
    node.id = to_pointer((*env)->GetLongField(env, object, node_id));
    node.tree = to_pointer((*env)->GetLongField(env, object, node_tree));
    return node;
}

/* A null node comes back as a TSNode whose id is 0, as the binding does. */
static jobject node_to_java(JNIEnv *env, TSNode node) {
    jobject object = (*env)->NewObject(env, node_class, node_init);
    if (object == NULL) {
        return NULL;
    }
    for (int i = 0; i < 4; i++) {
        (*env)->SetIntField(env, object, node_context[i], (jint) node.context[i]);
    }
    (*env)->SetLongField(env, object, node_id, to_jlong(node.id));
    (*env)->SetLongField(env, object, node_tree, to_jlong(node.tree));
    return object;
}

static jobject point_to_java(JNIEnv *env, TSPoint point) {
    return (*env)->NewObject(env, point_class, point_init, (jint) point.row, (jint) point.column);
}

static jstring string_or_null(JNIEnv *env, const char *text) {
    return text == NULL ? NULL : (*env)->NewStringUTF(env, text);
}

/* ---- parser ---- */

static jlong parser_new(JNIEnv *env, jclass cls) {
    return to_jlong(ts_parser_new());
}

static void parser_delete(JNIEnv *env, jclass cls, jlong parser) {
    ts_parser_delete(to_pointer(parser));
}

static jboolean parser_set_language(JNIEnv *env, jclass cls, jlong parser, jlong language) {
    return ts_parser_set_language(to_pointer(parser), to_pointer(language)) ? JNI_TRUE : JNI_FALSE;
}

static void parser_reset(JNIEnv *env, jclass cls, jlong parser) {
    ts_parser_reset(to_pointer(parser));
}

static jlong alloc_cancellation_flag(JNIEnv *env, jclass cls) {
    return to_jlong(calloc(1, sizeof(size_t)));
}

static void write_cancellation_flag(JNIEnv *env, jclass cls, jlong flag, jlong value) {
    *(size_t *) to_pointer(flag) = (size_t) value;
}

static jlong get_cancellation_flag_value(JNIEnv *env, jclass cls, jlong flag) {
    return (jlong) *(size_t *) to_pointer(flag);
}

static void free_cancellation_flag(JNIEnv *env, jclass cls, jlong flag) {
    free(to_pointer(flag));
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
static void parser_set_cancellation_flag(JNIEnv *env, jclass cls, jlong parser, jlong flag) {
    ts_parser_set_cancellation_flag(to_pointer(parser), to_pointer(flag));
}

static jlong parser_cancellation_flag(JNIEnv *env, jclass cls, jlong parser) {
    return to_jlong(ts_parser_cancellation_flag(to_pointer(parser)));
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

/* The analyzer never sets a logger; the binding's clean-up asks to free one. */
static void free_logger(JNIEnv *env, jclass cls, jlong parser) {
    TSLogger none = {NULL, NULL};
    ts_parser_set_logger(to_pointer(parser), none);
}

typedef struct {
    JNIEnv *env;
    jbyteArray buffer;
    jobject reader;
    char *chunk;
    jsize capacity;
} ReadPayload;

/* Asks the Java reader for the text at byte_index; a Java exception ends the input, and ts_parser_parse
 * below then drops the tree and lets the exception reach the caller. */
static const char *read_chunk(void *payload, uint32_t byte_index, TSPoint position, uint32_t *bytes_read) {
    ReadPayload *read = payload;
    JNIEnv *env = read->env;
    *bytes_read = 0;
    if ((*env)->ExceptionCheck(env)) {
        return "";
    }
    jobject point = point_to_java(env, position);
    if (point == NULL) {
        return "";
    }
    jint n = (*env)->CallIntMethod(env, read->reader, reader_read, read->buffer, (jint) byte_index, point);
    (*env)->DeleteLocalRef(env, point);
    if ((*env)->ExceptionCheck(env) || n <= 0) {
        return "";
    }
    if (n > read->capacity) {
        n = read->capacity;
    }
    (*env)->GetByteArrayRegion(env, read->buffer, 0, n, (jbyte *) read->chunk);
    *bytes_read = (uint32_t) n;
    return read->chunk;
}

static jlong parser_parse(JNIEnv *env, jclass cls, jlong parser, jbyteArray buffer, jlong old_tree, jobject reader,
                          jint encoding) {
    ReadPayload payload = {env, buffer, reader, NULL, (*env)->GetArrayLength(env, buffer)};
    payload.chunk = malloc(payload.capacity > 0 ? (size_t) payload.capacity : 1);
    if (payload.chunk == NULL) {
        (*env)->ThrowNew(env, (*env)->FindClass(env, "java/lang/OutOfMemoryError"), "tree-sitter read buffer");
        return 0;
    }
    TSInput input = {&payload, read_chunk, (TSInputEncoding) encoding, NULL};
    TSTree *tree = ts_parser_parse(to_pointer(parser), to_pointer(old_tree), input);
    free(payload.chunk);
    if ((*env)->ExceptionCheck(env)) {
        ts_tree_delete(tree);
        return 0;
    }
    return to_jlong(tree);
}

/* A Java String handed over as the JVM's UTF-8 (what GetStringUTFChars gives), or as its UTF-16 characters when
 * UTF-16 is asked for (in this machine's byte order, whichever order was named: a String has none, and offsets
 * are the same in both). The binding's own library hands the UTF-8 bytes over as UTF-16 there, which parses to
 * errors; the analyzer never asks for UTF-16. */
static TSInputEncoding host_utf16(void) {
    const uint16_t probe = 1;
    return *(const uint8_t *) &probe == 1 ? TSInputEncodingUTF16LE : TSInputEncodingUTF16BE;
}

static jlong parse_java_string(JNIEnv *env, jlong parser, jlong old_tree, jstring input, jint encoding) {
    TSTree *tree;
    if (encoding == TSInputEncodingUTF8) {
        const char *text = (*env)->GetStringUTFChars(env, input, NULL);
        if (text == NULL) {
            return 0;
        }
        tree = ts_parser_parse_string(to_pointer(parser), to_pointer(old_tree), text,
                                      (uint32_t) (*env)->GetStringUTFLength(env, input));
        (*env)->ReleaseStringUTFChars(env, input, text);
    } else {
        const jchar *text = (*env)->GetStringChars(env, input, NULL);
        if (text == NULL) {
            return 0;
        }
        tree = ts_parser_parse_string_encoding(to_pointer(parser), to_pointer(old_tree), (const char *) text,
                                               (uint32_t) (*env)->GetStringLength(env, input) * 2u,
                                               host_utf16());
        (*env)->ReleaseStringChars(env, input, text);
    }
    return to_jlong(tree);
}

static jlong parser_parse_string(JNIEnv *env, jclass cls, jlong parser, jlong old_tree, jstring input) {
    return parse_java_string(env, parser, old_tree, input, TSInputEncodingUTF8);
}

static jlong parser_parse_string_encoding(JNIEnv *env, jclass cls, jlong parser, jlong old_tree, jstring input,
                                          jint encoding) {
    return parse_java_string(env, parser, old_tree, input, encoding);
}

static jlong parser_language(JNIEnv *env, jclass cls, jlong parser) {
    return to_jlong(ts_parser_language(to_pointer(parser)));
}

/* ---- tree ---- */

static jlong tree_language(JNIEnv *env, jclass cls, jlong tree) {
    return to_jlong(ts_tree_language(to_pointer(tree)));
}

static void tree_delete(JNIEnv *env, jclass cls, jlong tree) {
    ts_tree_delete(to_pointer(tree));
}

static jobject tree_root_node(JNIEnv *env, jclass cls, jlong tree) {
    return node_to_java(env, ts_tree_root_node(to_pointer(tree)));
}

/* ---- node ---- */

static jstring node_type(JNIEnv *env, jclass cls, jobject node) {
    return string_or_null(env, ts_node_type(node_from_java(env, node)));
}

static jint node_symbol(JNIEnv *env, jclass cls, jobject node) {
    return (jint) ts_node_symbol(node_from_java(env, node));
}

static jint node_start_byte(JNIEnv *env, jclass cls, jobject node) {
    return (jint) ts_node_start_byte(node_from_java(env, node));
}

static jint node_end_byte(JNIEnv *env, jclass cls, jobject node) {
    return (jint) ts_node_end_byte(node_from_java(env, node));
}

static jobject node_start_point(JNIEnv *env, jclass cls, jobject node) {
    return point_to_java(env, ts_node_start_point(node_from_java(env, node)));
}

static jobject node_end_point(JNIEnv *env, jclass cls, jobject node) {
    return point_to_java(env, ts_node_end_point(node_from_java(env, node)));
}

static jstring node_string(JNIEnv *env, jclass cls, jobject node) {
    char *text = ts_node_string(node_from_java(env, node));
    jstring result = string_or_null(env, text);
    free(text);
    return result;
}

static jboolean node_is_null(JNIEnv *env, jclass cls, jobject node) {
    return ts_node_is_null(node_from_java(env, node)) ? JNI_TRUE : JNI_FALSE;
}

static jboolean node_is_named(JNIEnv *env, jclass cls, jobject node) {
    return ts_node_is_named(node_from_java(env, node)) ? JNI_TRUE : JNI_FALSE;
}

static jboolean node_is_missing(JNIEnv *env, jclass cls, jobject node) {
    return ts_node_is_missing(node_from_java(env, node)) ? JNI_TRUE : JNI_FALSE;
}

static jboolean node_is_error(JNIEnv *env, jclass cls, jobject node) {
    return ts_node_is_error(node_from_java(env, node)) ? JNI_TRUE : JNI_FALSE;
}

static jboolean node_has_error(JNIEnv *env, jclass cls, jobject node) {
    return ts_node_has_error(node_from_java(env, node)) ? JNI_TRUE : JNI_FALSE;
}

static jobject node_parent(JNIEnv *env, jclass cls, jobject node) {
    return node_to_java(env, ts_node_parent(node_from_java(env, node)));
}

static jobject node_child(JNIEnv *env, jclass cls, jobject node, jint index) {
    return node_to_java(env, ts_node_child(node_from_java(env, node), (uint32_t) index));
}

static jint node_child_count(JNIEnv *env, jclass cls, jobject node) {
    return (jint) ts_node_child_count(node_from_java(env, node));
}

static jobject node_named_child(JNIEnv *env, jclass cls, jobject node, jint index) {
    return node_to_java(env, ts_node_named_child(node_from_java(env, node), (uint32_t) index));
}

static jint node_named_child_count(JNIEnv *env, jclass cls, jobject node) {
    return (jint) ts_node_named_child_count(node_from_java(env, node));
}

static jobject node_child_by_field_id(JNIEnv *env, jclass cls, jobject node, jint field) {
    return node_to_java(env, ts_node_child_by_field_id(node_from_java(env, node), (TSFieldId) field));
}

static jobject node_child_by_field_name(JNIEnv *env, jclass cls, jobject node, jstring name) {
    const char *field = (*env)->GetStringUTFChars(env, name, NULL);
    if (field == NULL) {
        return NULL;
    }
    TSNode child = ts_node_child_by_field_name(node_from_java(env, node), field, (uint32_t) strlen(field));
    (*env)->ReleaseStringUTFChars(env, name, field);
    return node_to_java(env, child);
}

static jobject node_next_sibling(JNIEnv *env, jclass cls, jobject node) {
    return node_to_java(env, ts_node_next_sibling(node_from_java(env, node)));
}

static jobject node_prev_sibling(JNIEnv *env, jclass cls, jobject node) {
    return node_to_java(env, ts_node_prev_sibling(node_from_java(env, node)));
}

static jobject node_next_named_sibling(JNIEnv *env, jclass cls, jobject node) {
    return node_to_java(env, ts_node_next_named_sibling(node_from_java(env, node)));
}

static jobject node_prev_named_sibling(JNIEnv *env, jclass cls, jobject node) {
    return node_to_java(env, ts_node_prev_named_sibling(node_from_java(env, node)));
}

/* ---- query ---- */

static const char *query_error_name(TSQueryError error) {
    switch (error) {
        case TSQueryErrorSyntax: return "syntax error";
        case TSQueryErrorNodeType: return "unknown node type";
        case TSQueryErrorField: return "unknown field";
        case TSQueryErrorCapture: return "unknown capture";
        case TSQueryErrorStructure: return "impossible pattern";
        case TSQueryErrorLanguage: return "incompatible language";
        default: return "error";
    }
}

static jlong query_new(JNIEnv *env, jclass cls, jlong language, jstring source) {
    const char *text = (*env)->GetStringUTFChars(env, source, NULL);
    if (text == NULL) {
        return 0;
    }
    uint32_t error_offset = 0;
    TSQueryError error = TSQueryErrorNone;
    TSQuery *query = ts_query_new(to_pointer(language), text, (uint32_t) strlen(text), &error_offset, &error);
    (*env)->ReleaseStringUTFChars(env, source, text);
    if (query == NULL) {
        char message[128];
        snprintf(message, sizeof message, "Query %s at offset %u", query_error_name(error), error_offset);
        (*env)->ThrowNew(env, query_exception_class, message);
        return 0;
    }
    return to_jlong(query);
}

static void query_delete(JNIEnv *env, jclass cls, jlong query) {
    ts_query_delete(to_pointer(query));
}

static jint query_pattern_count(JNIEnv *env, jclass cls, jlong query) {
    return (jint) ts_query_pattern_count(to_pointer(query));
}

static jint query_capture_count(JNIEnv *env, jclass cls, jlong query) {
    return (jint) ts_query_capture_count(to_pointer(query));
}

static jint query_string_count(JNIEnv *env, jclass cls, jlong query) {
    return (jint) ts_query_string_count(to_pointer(query));
}

static jstring query_capture_name_for_id(JNIEnv *env, jclass cls, jlong query, jint index) {
    uint32_t length = 0;
    const char *name = ts_query_capture_name_for_id(to_pointer(query), (uint32_t) index, &length);
    if (name == NULL) {
        return NULL;
    }
    char *copy = malloc(length + 1u);
    if (copy == NULL) {
        return NULL;
    }
    memcpy(copy, name, length);
    copy[length] = '\0';
    jstring result = (*env)->NewStringUTF(env, copy);
    free(copy);
    return result;
}

/* ---- query cursor ---- */

static jlong query_cursor_new(JNIEnv *env, jclass cls) {
    return to_jlong(ts_query_cursor_new());
}

static void query_cursor_delete(JNIEnv *env, jclass cls, jlong cursor) {
    ts_query_cursor_delete(to_pointer(cursor));
}

static jlong query_cursor_options_new(JNIEnv *env, jclass cls) {
    return to_jlong(calloc(1, sizeof(TSQueryCursorOptions)));
}

static void query_cursor_options_delete(JNIEnv *env, jclass cls, jlong options) {
    free(to_pointer(options));
}

static void query_cursor_exec(JNIEnv *env, jclass cls, jlong cursor, jlong query, jobject node) {
    ts_query_cursor_exec(to_pointer(cursor), to_pointer(query), node_from_java(env, node));
}

static jboolean query_cursor_set_byte_range(JNIEnv *env, jclass cls, jlong cursor, jint start, jint end) {
    return ts_query_cursor_set_byte_range(to_pointer(cursor), (uint32_t) start, (uint32_t) end) ? JNI_TRUE : JNI_FALSE;
}

static jboolean fill_match(JNIEnv *env, jobject target, const TSQueryMatch *match, uint32_t capture_index_in_match) {
    jobjectArray captures = (*env)->NewObjectArray(env, match->capture_count, capture_class, NULL);
    if (captures == NULL) {
        return JNI_FALSE;
    }
    for (uint16_t i = 0; i < match->capture_count; i++) {
        jobject capture = (*env)->NewObject(env, capture_class, capture_init);
        jobject node = node_to_java(env, match->captures[i].node);
        if (capture == NULL || node == NULL) {
            return JNI_FALSE;
        }
        (*env)->SetObjectField(env, capture, capture_node, node);
        (*env)->SetIntField(env, capture, capture_index, (jint) match->captures[i].index);
        (*env)->SetObjectArrayElement(env, captures, i, capture);
        (*env)->DeleteLocalRef(env, node);
        (*env)->DeleteLocalRef(env, capture);
    }
    (*env)->SetIntField(env, target, match_id, (jint) match->id);
    (*env)->SetIntField(env, target, match_pattern_index, (jint) match->pattern_index);
    (*env)->SetIntField(env, target, match_capture_index, (jint) capture_index_in_match);
    (*env)->SetObjectField(env, target, match_captures, captures);
    (*env)->DeleteLocalRef(env, captures);
    return JNI_TRUE;
}

static jboolean query_cursor_next_capture(JNIEnv *env, jclass cls, jlong cursor, jobject target) {
    TSQueryMatch match;
    uint32_t index;
    if (!ts_query_cursor_next_capture(to_pointer(cursor), &match, &index)) {
        return JNI_FALSE;
    }
    return fill_match(env, target, &match, index);
}

static jboolean query_cursor_next_match(JNIEnv *env, jclass cls, jlong cursor, jobject target) {
    TSQueryMatch match;
    if (!ts_query_cursor_next_match(to_pointer(cursor), &match)) {
        return JNI_FALSE;
    }
    return fill_match(env, target, &match, 0);
}

/* ---- language ---- */

static void language_delete(JNIEnv *env, jclass cls, jlong language) {
    ts_language_delete(to_pointer(language));
}

static jint language_version(JNIEnv *env, jclass cls, jlong language) {
    return (jint) ts_language_abi_version(to_pointer(language));
}

static jint language_symbol_count(JNIEnv *env, jclass cls, jlong language) {
    return (jint) ts_language_symbol_count(to_pointer(language));
}

static jstring language_symbol_name(JNIEnv *env, jclass cls, jlong language, jint symbol) {
    return string_or_null(env, ts_language_symbol_name(to_pointer(language), (TSSymbol) symbol));
}

static jint language_symbol_type(JNIEnv *env, jclass cls, jlong language, jint symbol) {
    return (jint) ts_language_symbol_type(to_pointer(language), (TSSymbol) symbol);
}

static jint language_symbol_for_name(JNIEnv *env, jclass cls, jlong language, jstring name, jboolean named) {
    const char *text = (*env)->GetStringUTFChars(env, name, NULL);
    if (text == NULL) {
        return 0;
    }
    TSSymbol symbol = ts_language_symbol_for_name(to_pointer(language), text, (uint32_t) strlen(text), named == JNI_TRUE);
    (*env)->ReleaseStringUTFChars(env, name, text);
    return (jint) symbol;
}

static jint language_field_count(JNIEnv *env, jclass cls, jlong language) {
    return (jint) ts_language_field_count(to_pointer(language));
}

static jstring language_field_name_for_id(JNIEnv *env, jclass cls, jlong language, jint field) {
    return string_or_null(env, ts_language_field_name_for_id(to_pointer(language), (TSFieldId) field));
}

static jint language_field_id_for_name(JNIEnv *env, jclass cls, jlong language, jstring name) {
    const char *text = (*env)->GetStringUTFChars(env, name, NULL);
    if (text == NULL) {
        return 0;
    }
    TSFieldId field = ts_language_field_id_for_name(to_pointer(language), text, (uint32_t) strlen(text));
    (*env)->ReleaseStringUTFChars(env, name, text);
    return (jint) field;
}

#define NODE "Lorg/treesitter/TSNode;"
#define METHOD(name, signature, function) {(char *) name, (char *) signature, (void *) function}

static JNINativeMethod METHODS[] = {
    METHOD("ts_parser_new", "()J", parser_new),
    METHOD("ts_parser_delete", "(J)V", parser_delete),
    METHOD("ts_parser_set_language", "(JJ)Z", parser_set_language),
    METHOD("ts_parser_reset", "(J)V", parser_reset),
    METHOD("ts_parser_parse", "(J[BJLorg/treesitter/TSReader;I)J", parser_parse),
    METHOD("ts_parser_parse_string", "(JJLjava/lang/String;)J", parser_parse_string),
    METHOD("ts_parser_parse_string_encoding", "(JJLjava/lang/String;I)J", parser_parse_string_encoding),
    METHOD("ts_parser_language", "(J)J", parser_language),
    METHOD("ts_tree_language", "(J)J", tree_language),
    METHOD("ts_parser_set_cancellation_flag", "(JJ)V", parser_set_cancellation_flag),
    METHOD("ts_parser_cancellation_flag", "(J)J", parser_cancellation_flag),
    METHOD("alloc_cancellation_flag", "()J", alloc_cancellation_flag),
    METHOD("write_cancellation_flag", "(JJ)V", write_cancellation_flag),
    METHOD("get_cancellation_flag_value", "(J)J", get_cancellation_flag_value),
    METHOD("free_cancellation_flag", "(J)V", free_cancellation_flag),
    METHOD("free_logger", "(J)V", free_logger),
    METHOD("ts_tree_delete", "(J)V", tree_delete),
    METHOD("ts_tree_root_node", "(J)" NODE, tree_root_node),
    METHOD("ts_node_type", "(" NODE ")Ljava/lang/String;", node_type),
    METHOD("ts_node_symbol", "(" NODE ")I", node_symbol),
    METHOD("ts_node_start_byte", "(" NODE ")I", node_start_byte),
    METHOD("ts_node_end_byte", "(" NODE ")I", node_end_byte),
    METHOD("ts_node_start_point", "(" NODE ")Lorg/treesitter/TSPoint;", node_start_point),
    METHOD("ts_node_end_point", "(" NODE ")Lorg/treesitter/TSPoint;", node_end_point),
    METHOD("ts_node_string", "(" NODE ")Ljava/lang/String;", node_string),
    METHOD("ts_node_is_null", "(" NODE ")Z", node_is_null),
    METHOD("ts_node_is_named", "(" NODE ")Z", node_is_named),
    METHOD("ts_node_is_missing", "(" NODE ")Z", node_is_missing),
    METHOD("ts_node_is_error", "(" NODE ")Z", node_is_error),
    METHOD("ts_node_has_error", "(" NODE ")Z", node_has_error),
    METHOD("ts_node_parent", "(" NODE ")" NODE, node_parent),
    METHOD("ts_node_child", "(" NODE "I)" NODE, node_child),
    METHOD("ts_node_child_count", "(" NODE ")I", node_child_count),
    METHOD("ts_node_named_child", "(" NODE "I)" NODE, node_named_child),
    METHOD("ts_node_named_child_count", "(" NODE ")I", node_named_child_count),
    METHOD("ts_node_child_by_field_id", "(" NODE "I)" NODE, node_child_by_field_id),
    METHOD("ts_node_child_by_field_name", "(" NODE "Ljava/lang/String;)" NODE, node_child_by_field_name),
    METHOD("ts_node_next_sibling", "(" NODE ")" NODE, node_next_sibling),
    METHOD("ts_node_prev_sibling", "(" NODE ")" NODE, node_prev_sibling),
    METHOD("ts_node_next_named_sibling", "(" NODE ")" NODE, node_next_named_sibling),
    METHOD("ts_node_prev_named_sibling", "(" NODE ")" NODE, node_prev_named_sibling),
    METHOD("ts_query_new", "(JLjava/lang/String;)J", query_new),
    METHOD("ts_query_delete", "(J)V", query_delete),
    METHOD("ts_query_pattern_count", "(J)I", query_pattern_count),
    METHOD("ts_query_capture_count", "(J)I", query_capture_count),
    METHOD("ts_query_string_count", "(J)I", query_string_count),
    METHOD("ts_query_capture_name_for_id", "(JI)Ljava/lang/String;", query_capture_name_for_id),
    METHOD("ts_query_cursor_new", "()J", query_cursor_new),
    METHOD("ts_query_cursor_delete", "(J)V", query_cursor_delete),
    METHOD("ts_query_cursor_options_new", "()J", query_cursor_options_new),
    METHOD("ts_query_cursor_options_delete", "(J)V", query_cursor_options_delete),
    METHOD("ts_query_cursor_exec", "(JJ" NODE ")V", query_cursor_exec),
    METHOD("ts_query_cursor_set_byte_range", "(JII)Z", query_cursor_set_byte_range),
    METHOD("ts_query_cursor_next_capture", "(JLorg/treesitter/TSQueryMatch;)Z", query_cursor_next_capture),
    METHOD("ts_query_cursor_next_match", "(JLorg/treesitter/TSQueryMatch;)Z", query_cursor_next_match),
    METHOD("ts_language_delete", "(J)V", language_delete),
    METHOD("ts_language_version", "(J)I", language_version),
    METHOD("ts_language_abi_version", "(J)I", language_version),
    METHOD("ts_language_symbol_count", "(J)I", language_symbol_count),
    METHOD("ts_language_symbol_name", "(JI)Ljava/lang/String;", language_symbol_name),
    METHOD("ts_language_symbol_type", "(JI)I", language_symbol_type),
    METHOD("ts_language_symbol_for_name", "(JLjava/lang/String;Z)I", language_symbol_for_name),
    METHOD("ts_language_field_count", "(J)I", language_field_count),
    METHOD("ts_language_field_name_for_id", "(JI)Ljava/lang/String;", language_field_name_for_id),
    METHOD("ts_language_field_id_for_name", "(JLjava/lang/String;)I", language_field_id_for_name),
};

static jclass global(JNIEnv *env, jclass cls) {
    return (*env)->NewGlobalRef(env, cls);
}

/* Looks up the binding's classes and fields once, then binds METHODS to TSParser. 0 on success; any
 * failure leaves TSParser's natives as they were (the binding's own), with a Java exception pending. */
JNIEXPORT jint JNICALL Java_io_debtwatch_analyzer_syntax_TreeSitterNatives_register(
        JNIEnv *env, jclass cls, jclass parser, jclass node, jclass point, jclass match, jclass capture,
        jclass reader, jclass query_exception) {
    static const char *context_names[4] = {"context0", "context1", "context2", "context3"};
    node_class = global(env, node);
    node_init = (*env)->GetMethodID(env, node, "<init>", "()V");
    for (int i = 0; i < 4 && node_init != NULL; i++) {
        node_context[i] = (*env)->GetFieldID(env, node, context_names[i], "I");
        if (node_context[i] == NULL) {
            return -1;
        }
    }
    if (node_init == NULL
            || (node_id = (*env)->GetFieldID(env, node, "idPtr", "J")) == NULL
            || (node_tree = (*env)->GetFieldID(env, node, "treePtr", "J")) == NULL) {
        return -1;
    }
    point_class = global(env, point);
    capture_class = global(env, capture);
    query_exception_class = global(env, query_exception);
    if ((point_init = (*env)->GetMethodID(env, point, "<init>", "(II)V")) == NULL
            || (match_id = (*env)->GetFieldID(env, match, "id", "I")) == NULL
            || (match_pattern_index = (*env)->GetFieldID(env, match, "patternIndex", "I")) == NULL
            || (match_capture_index = (*env)->GetFieldID(env, match, "captureIndex", "I")) == NULL
            || (match_captures = (*env)->GetFieldID(env, match, "captures", "[Lorg/treesitter/TSQueryCapture;")) == NULL
            || (capture_init = (*env)->GetMethodID(env, capture, "<init>", "()V")) == NULL
            || (capture_node = (*env)->GetFieldID(env, capture, "node", NODE)) == NULL
            || (capture_index = (*env)->GetFieldID(env, capture, "index", "I")) == NULL
            || (reader_read = (*env)->GetMethodID(env, reader, "read", "([BILorg/treesitter/TSPoint;)I")) == NULL) {
        return -1;
    }
    jint count = (jint) (sizeof METHODS / sizeof METHODS[0]);
    /* RegisterNatives keeps the methods bound before one it cannot find: check them all first, so a binding
     * that changed its natives keeps all of its own rather than a mix. */
    for (jint i = 0; i < count; i++) {
        if ((*env)->GetStaticMethodID(env, parser, METHODS[i].name, METHODS[i].signature) == NULL) {
            return -1;
        }
    }
    return (*env)->RegisterNatives(env, parser, METHODS, count);
}
