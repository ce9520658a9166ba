package io.debtwatch.scoring.repository;

/**
 * Team names, repository ids and category ids become field names inside roll-up and timeline
 * documents; a dot would open a sub-document and a leading {@code $} is an operator, so both are
 * escaped (with {@code %} itself) the way URLs escape them.
 */
final class FieldNames {

    private FieldNames() {
    }

    static String encode(String value) {
        return value.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String decode(String field) {
        return field.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
