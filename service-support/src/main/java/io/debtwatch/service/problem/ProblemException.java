package io.debtwatch.service.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown anywhere in a service to answer with a problem document; {@link ProblemExceptionMapper}
 * turns it into the response. Factories cover the cases every service has.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    /**
     * @param status     the HTTP status
     * @param slug       the problem type's last path segment
     * @param title      a short summary of the problem type
     * @param detail     what happened this time
     * @param errors     invalid fields, may be empty
     * @param extensions extra members of the document, may be empty
     */
    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /**
     * @param field   the invalid field
     * @param message what is wrong with it
     * @return a 400 naming the field
     */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /**
     * @param errors the invalid fields
     * @return a 400 naming every field
     */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "validation", "Invalid request", detail, errors, Map.of());
    }

    /**
     * @param what the kind of thing, such as {@code repository}
     * @param id   its id as the caller gave it
     * @return a 404
     */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", "no " + what + " " + id, List.of(), Map.of());
    }

    /**
     * @param detail     what conflicts
     * @param extensions members that point at what it conflicts with
     * @return a 409
     */
    public static ProblemException conflict(String detail, Map<String, Object> extensions) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of(), extensions);
    }

    /**
     * @param detail what is unavailable
     * @return a 503
     */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, List.of(), Map.of());
    }

    public int status() {
        return status;
    }

    /**
     * @param instance the request path
     * @return the problem document
     */
    public Problem toProblem(String instance) {
        return new Problem(slug, title, status, getMessage(), instance, errors, extensions);
    }
}
