package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.config.GatewayConfig;
import io.debtwatch.service.problem.Problem;
import io.debtwatch.service.problem.ProblemExceptionMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a request under {@code /api/v1/orgs/{org}} through only with an API key of that
 * organisation: no or an unknown key is a 401; a key of another organisation gets a 404, so
 * nothing about the other organisation is revealed.
 */
public class ApiKeyFilter {

    private static final Pattern ORG_PATH = Pattern.compile("^/?api/v1/orgs/([^/]+)(/.*)?$");
    private static final String BEARER = "Bearer ";

    private final GatewayConfig config;

    ApiKeyFilter(GatewayConfig config) {
        this.config = config;
    }

    /**
     * @param request the incoming request
     * @return a problem response that stops the request, or null to let it through
     */
    @ServerRequestFilter
    public Response filter(ContainerRequestContext request) {
        Matcher path = ORG_PATH.matcher(request.getUriInfo().getPath());
        if (!config.auth().enabled() || !path.matches()) {
            return null;
        }
        String header = request.getHeaderString("Authorization");
        String instance = request.getUriInfo().getPath();
        if (header == null || !header.startsWith(BEARER)) {
            return ProblemExceptionMapper.respond(new Problem("unauthenticated", "Unauthenticated", 401,
                    "send an API key as 'Authorization: Bearer <key>'", instance, List.of(), Map.of()));
        }
        String key = header.substring(BEARER.length()).trim();
        String bootstrap = config.auth().bootstrapAdminKey();
        if (bootstrap.isEmpty() || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                bootstrap.getBytes(StandardCharsets.UTF_8))) {
            return ProblemExceptionMapper.respond(new Problem("unauthenticated", "Unauthenticated", 401,
                    "the API key is not valid", instance, List.of(), Map.of()));
        }
        if (!config.auth().bootstrapOrg().equals(path.group(1))) {
            return ProblemExceptionMapper.respond(new Problem("not-found", "Not found", 404, "no such resource",
                    instance, List.of(), Map.of()));
        }
        return null;
    }
}
