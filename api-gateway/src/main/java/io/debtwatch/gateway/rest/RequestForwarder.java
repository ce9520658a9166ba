package io.debtwatch.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debtwatch.gateway.config.GatewayConfig;
import io.debtwatch.gateway.service.Backend;
import io.debtwatch.gateway.service.ForwardRequest;
import io.debtwatch.gateway.service.ForwardResponse;
import io.debtwatch.gateway.service.ServiceForwarder;
import io.debtwatch.service.problem.ProblemException;
import io.debtwatch.service.problem.ProblemExceptionMapper;
import io.debtwatch.service.request.RequestIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the JAX-RS request being served into a {@link ForwardRequest} and the service's answer into the
 * response: the typed resources only say which service serves a path. Bodies of API calls must be
 * well-formed JSON before they leave the gateway; push-hook bodies and headers pass untouched.
 */
@ApplicationScoped
public class RequestForwarder {

    /** Headers an API call passes on; the API key stays at the gateway. */
    private static final Set<String> API_HEADERS = Set.of("content-type", "accept", "if-none-match",
            RequestIdFilter.HEADER.toLowerCase(Locale.ROOT));

    /** Headers no proxy passes on (hop-by-hop) or that the HTTP client sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-authorization",
            "proxy-connection", "http2-settings");

    @Inject
    ServiceForwarder forwarder;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    UriInfo uri;

    @Inject
    HttpHeaders headers;

    @Inject
    Request request;

    /**
     * Forwards an API call without a body.
     *
     * @param backend the service that serves the path
     * @return the service's answer
     */
    public Response forward(Backend backend) {
        return forward(backend, new byte[0]);
    }

    /**
     * Forwards an API call; a body must be JSON.
     *
     * @param backend the service that serves the path
     * @param body    the raw body, may be null or empty
     * @return the service's answer
     */
    public Response forward(Backend backend, byte[] body) {
        byte[] bytes = checkedSize(body);
        if (bytes.length > 0) {
            requireJson(bytes);
        }
        return call(backend, bytes, filtered(true));
    }

    /**
     * Forwards a push hook with its raw body and headers, which ingest verifies by signature.
     *
     * @param backend the service that serves the path
     * @param body    the raw body
     * @return the service's answer
     */
    public Response forwardRaw(Backend backend, byte[] body) {
        return call(backend, checkedSize(body), filtered(false));
    }

    private Response call(Backend backend, byte[] body, Map<String, List<String>> passed) {
        URI requestUri = uri.getRequestUri();
        ForwardRequest outgoing = new ForwardRequest(request.getMethod(), requestUri.getRawPath(),
                requestUri.getRawQuery(), passed, body);
        ForwardResponse answer;
        try {
            answer = forwarder.forward(backend, outgoing);
        } catch (ProblemException e) {
            Response problem = ProblemExceptionMapper.respond(e.toProblem(requestUri.getRawPath()));
            if (e.status() == 503) {
                return Response.fromResponse(problem)
                        .header("Retry-After", Math.max(1, config.upstream().breakerDelay().toSeconds())).build();
            }
            return problem;
        }
        Response.ResponseBuilder out = Response.status(answer.status());
        answer.headers().forEach((name, values) -> {
            for (String value : values) {
                out.header(name, "location".equalsIgnoreCase(name) ? publicLocation(backend, value) : value);
            }
        });
        if (answer.body().length > 0) {
            out.entity(answer.body());
        }
        return out.build();
    }

    /** A service names itself in Location; the client must see the gateway's address instead. */
    private String publicLocation(Backend backend, String location) {
        URI target = URI.create(location);
        if (!target.isAbsolute()) {
            return uri.getBaseUri().resolve(location).toString();
        }
        URI base = forwarder.baseUrl(backend);
        if (!base.getHost().equalsIgnoreCase(target.getHost()) || base.getPort() != target.getPort()) {
            return location;
        }
        String pathAndQuery = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return uri.getBaseUri().resolve(pathAndQuery).toString();
    }

    private Map<String, List<String>> filtered(boolean apiCall) {
        Map<String, List<String>> passed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean keep = apiCall ? API_HEADERS.contains(lower)
                    : !HOP_BY_HOP.contains(lower) && !"authorization".equals(lower);
            if (keep && !lower.equals(ServiceForwarder.INTERNAL_TOKEN_HEADER.toLowerCase(Locale.ROOT))) {
                passed.put(name, List.copyOf(values));
            }
        });
        return passed;
    }

    private byte[] checkedSize(byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > config.maxBodyBytes()) {
            throw BodyLimits.tooLarge(config.maxBodyBytes());
        }
        return bytes;
    }

    private void requireJson(byte[] body) {
        try {
            json.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ProblemException.invalid("body", "malformed JSON" + where);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "unreadable body");
        }
    }
}
