package io.debtwatch.scoring.service;

import io.debtwatch.scoring.config.WebhookConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed webhook request to the address the SSRF guard vetted: the host name goes into the
 * Host header and the TLS server name (certificates are verified against it), but the connection goes to
 * the vetted address, so the name is never resolved a second time. Never follows redirects, so a 3xx
 * cannot lead it to an internal host.
 */
@ApplicationScoped
public class WebhookHttpClient {

    /** Only this much of an error answer is kept, to show in the delivery log. */
    private static final int MAX_ERROR_BODY = 200;

    private final HttpClient client;
    private final Duration timeout;

    public WebhookHttpClient(Vertx vertx, WebhookConfig config) {
        this.timeout = config.timeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setVerifyHost(true).setForceSni(true).setKeepAlive(true)
                .setMaxPoolSize(Math.max(1, config.perEndpointConcurrency())));
    }

    /**
     * @param target    the receiver, as the SSRF guard vetted it
     * @param messageId the {@code webhook-id}
     * @param timestamp the {@code webhook-timestamp}
     * @param signature the {@code webhook-signature}
     * @param body      the JSON body
     * @return the status code and a short error, or the error alone when no answer came
     * @throws InterruptedException when the worker is stopping
     */
    public Result send(WebhookUrlValidator.Target target, String messageId, long timestamp, String signature,
            String body) throws InterruptedException {
        URI url = target.uri();
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setHost(url.getHost()).setPort(port).setSsl(https)
                .setURI(url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath()
                        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()))
                .setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .setFollowRedirects(false).setIdleTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "DebtWatch-Webhooks/1")
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature);
        try {
            return client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(answer -> outcome(response.statusCode(), answer)))
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() + timeout.toMillis() / 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return timedOut();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return timedOut();
            }
            return new Result(null, cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
    }

    private Result timedOut() {
        return new Result(null, "timeout after " + timeout.toMillis() + " ms");
    }

    private static Result outcome(int status, Buffer answer) {
        if (status >= 200 && status < 300) {
            return new Result(status, null);
        }
        String text = answer == null ? "" : answer.toString().strip();
        return new Result(status, "HTTP " + status + (text.isEmpty() ? ""
                : ": " + text.substring(0, Math.min(MAX_ERROR_BODY, text.length()))));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * What came back.
     *
     * @param statusCode the HTTP status, null when none came
     * @param error      what went wrong, null on a 2xx
     */
    public record Result(Integer statusCode, String error) {

        /**
         * @return whether the receiver accepted the delivery
         */
        public boolean accepted() {
            return error == null;
        }
    }
}
