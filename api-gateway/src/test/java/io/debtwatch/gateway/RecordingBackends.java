package io.debtwatch.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.debtwatch.infra.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real HTTP servers standing where the internal services stand: each records what reached it and
 * answers as a service would. The analysis address has nothing listening, like a service that is down.
 */
public class RecordingBackends implements QuarkusTestResourceLifecycleManager {

    /** One request as a backend saw it. */
    public record Seen(String backend, String method, String pathAndQuery, String contentType, String body,
            Map<String, List<String>> headers) {
    }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private HttpServer ingest;
    private HttpServer scoring;

    @Override
    public Map<String, String> start() {
        ingest = server("ingest");
        scoring = server("scoring");
        return Map.of("debtwatch.gateway.ingest-url", "http://127.0.0.1:" + ingest.getAddress().getPort(),
                "debtwatch.gateway.scoring-url", "http://127.0.0.1:" + scoring.getAddress().getPort(),
                "debtwatch.gateway.analysis-url", "http://127.0.0.1:" + FreePorts.pick(),
                "debtwatch.gateway.internal-token", "internal-secret");
    }

    @Override
    public void stop() {
        ingest.stop(0);
        scoring.stop(0);
    }

    private static HttpServer server(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> answer(name, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(String name, HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String uri = exchange.getRequestURI().toString();
        SEEN.add(new Seen(name, exchange.getRequestMethod(), uri,
                exchange.getRequestHeaders().getFirst("Content-Type"), body, Map.copyOf(exchange.getRequestHeaders())));
        int status = 200;
        String reply = "{\"backend\":\"" + name + "\"}";
        if (exchange.getRequestMethod().equals("POST") && uri.endsWith("/repositories")) {
            status = 201;
            exchange.getResponseHeaders().add("Location", "/api/v1/orgs/acme/repositories/0123456789abcdef01234567");
        } else if (uri.contains("missing")) {
            status = 404;
            reply = "{\"type\":\"https://debtwatch.io/problems/not-found\",\"status\":404}";
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        }
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
