package io.debtwatch.service.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, a new one otherwise. The id
 * is set on the request (so a gateway passes it on), put into the logging MDC as {@code requestId} (so
 * every log line of the request carries it) and echoed on the response.
 */
public class RequestIdFilter {

    /** The header that carries the id between clients, the gateway and the services. */
    public static final String HEADER = "X-Request-Id";

    /** The MDC key under which log lines carry the id. */
    public static final String MDC_KEY = "requestId";

    private static final String PROPERTY = RequestIdFilter.class.getName();

    /** Ids are echoed into headers and logs: only plain characters, bounded length. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true, priority = 0)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.getHeaders().putSingle(HEADER, id);
        request.setProperty(PROPERTY, id);
        MDC.put(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id.toString());
        }
        MDC.remove(MDC_KEY);
    }
}
