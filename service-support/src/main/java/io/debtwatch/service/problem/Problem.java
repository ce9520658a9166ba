package io.debtwatch.service.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document, the body of every error response of the platform. Extension
 * members (such as {@code existing} on a conflict) are written beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {

    /** The media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_BASE = "https://debtwatch.io/problems/";

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    /**
     * @param slug       the problem type's last path segment, such as {@code validation}
     * @param title      a short summary of the problem type
     * @param status     the HTTP status
     * @param detail     what happened this time
     * @param instance   the request path
     * @param errors     invalid fields, may be empty
     * @param extensions extra members, may be empty
     */
    public Problem(String slug, String title, int status, String detail, String instance, List<FieldError> errors,
            Map<String, Object> extensions) {
        this.type = TYPE_BASE + slug;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    @JsonProperty
    public String type() {
        return type;
    }

    @JsonProperty
    public String title() {
        return title;
    }

    @JsonProperty
    public int status() {
        return status;
    }

    @JsonProperty
    public String detail() {
        return detail;
    }

    @JsonProperty
    public String instance() {
        return instance;
    }

    @JsonProperty
    public List<FieldError> errors() {
        return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
