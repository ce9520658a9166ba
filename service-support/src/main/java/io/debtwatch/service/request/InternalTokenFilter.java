package io.debtwatch.service.request;

import io.debtwatch.service.problem.Problem;
import io.debtwatch.service.problem.ProblemExceptionMapper;
import jakarta.inject.Inject;
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
 * Lets only the gateway in: when {@code debtwatch.internal-token} is configured, every call except the
 * {@code /q/} health, metrics and OpenAPI endpoints must carry it in {@code X-DebtWatch-Internal-Token},
 * or gets a 401 problem. When it is not configured, everything passes (local runs and service tests);
 * {@code debtwatch.internal-token-required=false} turns the check off where the token is only sent.
 */
public class InternalTokenFilter {

    /** The header the gateway sends the credential in. */
    public static final String HEADER = "X-DebtWatch-Internal-Token";

    /** A single property rather than a mapping: it is shared by every service, outside their prefixes. */
    @Inject
    @ConfigProperty(name = "debtwatch.internal-token")
    Optional<String> token;

    /** Off in the gateway, which is called from outside and only sends the token. */
    @Inject
    @ConfigProperty(name = "debtwatch.internal-token-required", defaultValue = "true")
    boolean required;

    @ServerRequestFilter(preMatching = true, priority = 10)
    public Response check(ContainerRequestContext request) {
        if (!required || token.isEmpty() || token.get().isBlank()) {
            return null;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path.startsWith("/q/")) {
            return null;
        }
        String given = request.getHeaderString(HEADER);
        if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return ProblemExceptionMapper.respond(new Problem("internal-credential", "Unauthorized", 401,
                "this service accepts calls from the gateway only", path, List.of(), Map.of()));
    }
}
