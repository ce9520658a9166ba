package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.config.GatewayConfig;
import io.debtwatch.gateway.service.ApiKeyService;
import io.debtwatch.gateway.service.Caller;
import io.debtwatch.gateway.service.RateLimiter;
import io.debtwatch.gateway.service.Scope;
import io.debtwatch.service.problem.Problem;
import io.debtwatch.service.problem.ProblemExceptionMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Decides who gets into {@code /api/v1/orgs/{org}/...}: a valid key (401 otherwise), of that org (404
 * otherwise, so another org's existence is not revealed), with the scope the call needs (403), within
 * its rate limit (429). The one exception to "of that org": the bootstrap key may issue the first keys
 * of an org that has none (onboarding). Push hooks, the dashboard and {@code /q/} are outside; ingest checks hook
 * signatures.
 */
public class ApiKeyFilter {

    private static final Pattern ORG_PATH = Pattern.compile("^/api/v1/orgs/([^/]+)(/.*)?$");
    private static final String DECISION = RateLimiter.Decision.class.getName();
    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeyService keys;

    @Inject
    RateLimiter limiter;

    @Inject
    GatewayConfig config;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authorize(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Matcher matcher = ORG_PATH.matcher(path);
        if (!matcher.matches() || !config.auth().enabled()) {
            return null;
        }
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized(path, "an API key is needed: send Authorization: Bearer <key>");
        }
        Optional<Caller> caller = keys.authenticate(header.substring(BEARER.length()).trim());
        if (caller.isEmpty()) {
            return unauthorized(path, "the API key is invalid or revoked");
        }
        RateLimiter.Decision decision = limiter.take(caller.get().keyId());
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            return Response.fromResponse(problem(429, "rate-limited", "Too many requests",
                    "this key's rate limit is exhausted; retry after " + decision.retryAfterSeconds() + " s", path))
                    .header("Retry-After", decision.retryAfterSeconds()).build();
        }
        if (!caller.get().org().equals(matcher.group(1)) && !onboarding(request, caller.get(), matcher)) {
            return problem(404, "not-found", "Not found", "no such organisation", path);
        }
        Scope needed = RouteScopes.needed(request.getMethod(), matcher.group(2));
        if (!caller.get().scope().covers(needed)) {
            return problem(403, "forbidden", "Forbidden", "this call needs an API key with the "
                    + needed.apiName() + " scope", path);
        }
        return null;
    }

    @ServerResponseFilter
    public void rateLimitHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", decision.resetSeconds());
            response.getHeaders().putSingle("RateLimit-Policy", decision.limit() + ";w="
                    + Math.max(1, Math.round(decision.limit() / config.rateLimit().refillPerSecond())));
        }
    }

    /** The operator's bootstrap key issuing the first key of an org that has none. */
    private boolean onboarding(ContainerRequestContext request, Caller caller, Matcher matcher) {
        return "POST".equals(request.getMethod()) && "/api-keys".equals(matcher.group(2))
                && keys.mayOnboard(caller, matcher.group(1));
    }

    private static Response unauthorized(String path, String detail) {
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized", detail, path))
                .header("WWW-Authenticate", "Bearer realm=\"debtwatch\"").build();
    }

    private static Response problem(int status, String slug, String title, String detail, String path) {
        return ProblemExceptionMapper.respond(new Problem(slug, title, status, detail, path, List.of(), Map.of()));
    }
}
