package io.debtwatch.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where a service's exceptions become RFC 9457 problem documents: our own
 * {@link ProblemException}, JSON that cannot be read (naming the field), HTTP errors of the
 * framework, and anything unexpected (a 500 that reveals nothing but is logged in full).
 */
public class ProblemExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "HTTP %d on %s", status, path(uri));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return respond(new Problem("http-" + status, title, status, e.getMessage(), path(uri), List.of(),
                Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        LOG.errorf(e, "unexpected error on %s", path(uri));
        return respond(new Problem("internal", "Internal error", 500,
                "the request failed on our side; it was logged", path(uri), List.of(), Map.of()));
    }

    /**
     * @param problem the document
     * @return a response carrying it with the problem media type
     */
    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Problem jsonProblem(JsonProcessingException e, String instance) {
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping.getPath()) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = fieldPath(unknown.getPath());
            message = "unknown field";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + simpleType(mismatch.getTargetType());
        } else {
            message = "malformed JSON: " + e.getOriginalMessage();
        }
        String name = field.isEmpty() ? "body" : field;
        return new Problem("validation", "Invalid request", 400, name + ": " + message, instance,
                List.of(new FieldError(name, message)), Map.of());
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
