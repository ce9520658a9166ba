package io.debtwatch.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP webhook receiver on a local port, verifying nothing itself but keeping what arrived. */
public final class WebhookReceiver implements AutoCloseable {

    /** How the receiver answers its n-th request (1-based). */
    public interface Behaviour {
        /**
         * @param n the request's number, from 1
         * @return how to answer it
         */
        Reply reply(int n);
    }

    /** An answer: status code after a delay, with a Location header when it is a redirect. */
    public record Reply(int status, long delayMillis, String location) {

        public Reply(int status, long delayMillis) {
            this(status, delayMillis, null);
        }

        /** A 307 to elsewhere: a receiver that follows redirects would go there. */
        public static Reply redirect(String location) {
            return new Reply(307, 0, location);
        }
    }

    /** One request as it arrived; header names lowercased. */
    public record Received(Map<String, List<String>> headers, String body, Instant at) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        /** Verifies with the official Standard Webhooks library, which shares no code with ours. */
        public void verify(String secret) throws WebhookVerificationException, EmptyWebhookSecretException {
            new Webhook(secret).verify(body, headers);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final Behaviour behaviour;

    private WebhookReceiver(int port, Behaviour behaviour) {
        this.behaviour = behaviour;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static WebhookReceiver start(Behaviour behaviour) {
        return new WebhookReceiver(0, behaviour);
    }

    public static WebhookReceiver startOn(int port, Behaviour behaviour) {
        return new WebhookReceiver(port, behaviour);
    }

    public static WebhookReceiver ok() {
        return start(n -> new Reply(200, 0));
    }

    public static String url(int port) {
        return "http://127.0.0.1:" + port + "/hook";
    }

    public String url() {
        return url(server.getAddress().getPort());
    }

    /** The requests answered with a 2xx. */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Every request, whatever the answer was. */
    public List<Received> requests() {
        return new ArrayList<>(requests);
    }

    public int maxConcurrent() {
        return maxConcurrent.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        boolean answered = false;
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Received request = new Received(headers, body, Instant.now());
            requests.add(request);
            Reply reply = behaviour.reply(count.incrementAndGet());
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            if (reply.status() >= 200 && reply.status() < 300) {
                received.add(request);
            }
            if (reply.location() != null) {
                exchange.getResponseHeaders().add("Location", reply.location());
            }
            // no longer in flight once the answer leaves: the sender may start its next request as soon
            // as it reads it, before this thread would get to a decrement after the send
            concurrent.decrementAndGet();
            answered = true;
            exchange.sendResponseHeaders(reply.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!answered) {
                concurrent.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
