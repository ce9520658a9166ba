package io.debtwatch.service.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, a new one otherwise. The id
 * is set on the request (so a gateway passes it on), put into the logging MDC as {@code requestId} (so
 * every log line of the request carries it) and echoed on the response. Each answered request outside
 * {@code /q/} leaves one line in the {@code io.debtwatch.access} log with its method, path, status, time and
 * id, so one id finds a call in the gateway's and the services' logs alike.
 */
public class RequestIdFilter {

    private static final Logger ACCESS = Logger.getLogger("io.debtwatch.access");

    /** The header that carries the id between clients, the gateway and the services. */
    public static final String HEADER = "X-Request-Id";

    /** The MDC key under which log lines carry the id. */
    public static final String MDC_KEY = "requestId";

    private static final String PROPERTY = RequestIdFilter.class.getName();
    private static final String STARTED = PROPERTY + ".started";

    /** Ids are echoed into headers and logs: only plain characters, bounded length. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true, priority = 0)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.getHeaders().putSingle(HEADER, id);
        request.setProperty(PROPERTY, id);
        request.setProperty(STARTED, System.nanoTime());
        MDC.put(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id.toString());
            logAnswered(request, response, id.toString());
        }
        MDC.remove(MDC_KEY);
    }

    private static void logAnswered(ContainerRequestContext request, ContainerResponseContext response, String id) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path.startsWith("/q/") || !ACCESS.isInfoEnabled()) {
            return;
        }
        long millis = request.getProperty(STARTED) instanceof Long started
                ? (System.nanoTime() - started) / 1_000_000 : -1;
        ACCESS.infof("%s %s %d %d ms req=%s", request.getMethod(), path, response.getStatus(), millis, id);
    }
}
