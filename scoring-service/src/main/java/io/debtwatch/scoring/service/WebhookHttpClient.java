package io.debtwatch.scoring.service;

import io.debtwatch.scoring.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Sends one signed webhook request; never follows redirects, so a 3xx cannot lead it to an internal host. */
@ApplicationScoped
public class WebhookHttpClient {

    /** Only this much of an error answer is kept, to show in the delivery log. */
    private static final int MAX_ERROR_BODY = 200;

    private final HttpClient client;
    private final Duration timeout;

    public WebhookHttpClient(WebhookConfig config) {
        this.timeout = config.timeout();
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * @param url       the receiver
     * @param messageId the {@code webhook-id}
     * @param timestamp the {@code webhook-timestamp}
     * @param signature the {@code webhook-signature}
     * @param body      the JSON body
     * @return the status code and a short error, or the error alone when no answer came
     * @throws InterruptedException when the worker is stopping
     */
    public Result send(URI url, String messageId, long timestamp, String signature, String body)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "DebtWatch-Webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Result(status, null);
            }
            String text = response.body() == null ? "" : response.body().strip();
            String error = "HTTP " + status + (text.isEmpty() ? ""
                    : ": " + text.substring(0, Math.min(MAX_ERROR_BODY, text.length())));
            return new Result(status, error);
        } catch (HttpTimeoutException e) {
            return new Result(null, "timeout after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Result(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
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
