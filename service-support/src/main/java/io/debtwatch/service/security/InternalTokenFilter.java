package io.debtwatch.service.security;

import io.debtwatch.service.problem.Problem;
import io.debtwatch.service.problem.ProblemExceptionMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Internal services accept calls only from the gateway: when {@code debtwatch.security.internal-token} is
 * configured (from DEBTWATCH_INTERNAL_TOKEN in the services), a request without that token in {@code X-DebtWatch-Internal-Token} is a 401. Health
 * and metrics under {@code /q/} stay open for probes.
 */
public class InternalTokenFilter {

    /** The header the gateway sends the token in. */
    public static final String HEADER = "X-DebtWatch-Internal-Token";

    private final Optional<String> token;

    InternalTokenFilter(@ConfigProperty(name = "debtwatch.security.internal-token") Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    /**
     * @param request the incoming request
     * @return a 401 problem, or null to let the request through
     */
    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (token.isEmpty() || request.getUriInfo().getPath().startsWith("/q/")) {
            return null;
        }
        String given = request.getHeaderString(HEADER);
        if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return ProblemExceptionMapper.respond(new Problem("unauthenticated", "Unauthenticated", 401,
                "internal services answer the gateway only", request.getUriInfo().getPath(), List.of(), Map.of()));
    }
}
