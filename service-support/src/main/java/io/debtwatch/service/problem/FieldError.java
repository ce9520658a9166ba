package io.debtwatch.service.problem;

/**
 * One invalid field of a request.
 *
 * @param field   the field, as a JSON path or a query parameter name
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
