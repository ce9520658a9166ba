package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.config.GatewayConfig;
import io.debtwatch.service.problem.FieldError;
import io.debtwatch.service.problem.Problem;
import io.debtwatch.service.problem.ProblemExceptionMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Stops two kinds of abuse before a request is read or routed: a declared body over the limit (413) and
 * query parameters shaped like MongoDB operators ({@code team[$ne]=}, {@code {"$ne": null}},
 * {@code $where}), which are never passed on to a service (400 naming the parameter).
 */
public class RequestGuardFilter {

    /** Names that a query parser could turn into a nested object or an operator. */
    private static final Pattern OPERATOR_NAME = Pattern.compile(".*[$\\[\\]{}.].*");
    /** Values that start an operator or an object with an operator inside. */
    private static final Pattern OPERATOR_VALUE = Pattern.compile("^\\s*(\\$.*|\\{.*\\$.*)$", Pattern.DOTALL);

    @Inject
    GatewayConfig config;

    @ServerRequestFilter(preMatching = true, priority = 100)
    public Response guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (request.getLength() > config.maxBodyBytes()) {
            return ProblemExceptionMapper.respond(BodyLimits.tooLarge(config.maxBodyBytes()).toProblem(path));
        }
        if (!path.startsWith("/api/")) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            if (OPERATOR_NAME.matcher(name).matches()) {
                errors.add(new FieldError(name, "parameter names may not contain $ . [ ] { }"));
            } else if (values.stream().anyMatch(value -> OPERATOR_VALUE.matcher(value).matches())) {
                errors.add(new FieldError(name, "operator-shaped values are not accepted"));
            }
        });
        if (errors.isEmpty()) {
            return null;
        }
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " query parameters are invalid";
        return ProblemExceptionMapper.respond(new Problem("validation", "Invalid request", 400, detail, path, errors,
                Map.of()));
    }
}
