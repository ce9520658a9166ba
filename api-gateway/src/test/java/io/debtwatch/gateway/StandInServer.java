package io.debtwatch.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server standing in for one internal service: it records every request it receives and
 * answers with whatever the test set. It can be stopped and started again on the same port.
 */
public final class StandInServer {

    /** One request as the service saw it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What the server answers. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private final String name;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicInteger drops = new AtomicInteger();
    private int port;
    private HttpServer server;

    public StandInServer(String name) {
        this.name = name;
        reset();
    }

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind stand-in " + name, e);
        }
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Forget what was received and answer 200 with a small JSON body again. */
    public void reset() {
        received.clear();
        drops.set(0);
        answer.set(new Answer(200, Map.of("Content-Type", "application/json"), "{\"from\": \"" + name + "\"}"));
    }

    public void answer(int status, Map<String, String> headers, String body) {
        answer.set(new Answer(status, headers, body));
    }

    /** The next {@code count} requests are recorded, then the connection is closed without an answer. */
    public void dropNext(int count) {
        drops.set(count);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key, List.copyOf(values)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body));
            if (drops.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                return;
            }
            Answer now = answer.get();
            now.headers().forEach((key, value) -> exchange.getResponseHeaders().add(key, value));
            byte[] out = now.body() == null ? new byte[0] : now.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(now.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }
}
