package io.debtwatch.gateway.service;

import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Passes a public request to the service that owns its path, unchanged (method, path, query,
 * body, content type and the named headers), and the service's answer back.
 */
@ApplicationScoped
public class Forwarder {

    private final ServiceCaller caller;

    Forwarder(ServiceCaller caller) {
        this.caller = caller;
    }

    /**
     * @param service     the service that owns the path
     * @param method      the HTTP method
     * @param uri         the public request's URI
     * @param headers     the public request's headers
     * @param body        the raw body, may be null
     * @param passHeaders headers to pass on besides the content type
     * @return the service's answer as the public response
     */
    public Response forward(BackendService service, String method, UriInfo uri, HttpHeaders headers, byte[] body,
            List<String> passHeaders) {
        URI requestUri = uri.getRequestUri();
        String pathAndQuery = requestUri.getRawPath()
                + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery());
        Map<String, String> passed = new LinkedHashMap<>();
        for (String name : passHeaders) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                passed.put(name, value);
            }
        }
        ForwardedRequest request = new ForwardedRequest(method, pathAndQuery,
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body == null ? new byte[0] : body, passed);
        ForwardedResponse answer;
        try {
            answer = method.equals("GET") ? caller.read(service, request) : caller.write(service, request);
        } catch (CircuitBreakerOpenException e) {
            throw ProblemException.unavailable(service.displayName()
                    + " is failing; calls to it are paused for a few seconds");
        }
        Response.ResponseBuilder response = Response.status(answer.status());
        if (answer.body().length > 0) {
            response.entity(answer.body());
        }
        if (answer.contentType() != null) {
            response.type(answer.contentType());
        }
        if (answer.location() != null) {
            response.header(HttpHeaders.LOCATION, answer.location());
        }
        return response.build();
    }
}
