package io.debtwatch.scoring.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.scoring.service.WebhookHttpClient;
import io.debtwatch.scoring.service.WebhookUrlValidator;
import io.debtwatch.testsupport.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** An attempt connects to the address the SSRF guard vetted and never resolves the host name again. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class WebhookHttpClientTest {

    @Inject
    WebhookHttpClient client;

    @Test
    void theVettedAddressIsCalledWhateverTheNameWouldResolveToNow() throws Exception {
        assertThrows(UnknownHostException.class, () -> InetAddress.getByName("receiver.invalid"),
                "the .invalid name never resolves, so only the pinned address can be reached");
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            int port = URI.create(receiver.url()).getPort();
            WebhookUrlValidator.Target target = new WebhookUrlValidator.Target(
                    URI.create("http://receiver.invalid:" + port + "/hook?team=payments"),
                    InetAddress.getLoopbackAddress());

            WebhookHttpClient.Result result = client.send(target, "msg_pinned", 1_700_000_000L, "v1,c2lnbmF0dXJl",
                    "{\"type\":\"ping\"}");

            assertEquals(200, result.statusCode());
            assertNull(result.error());
            WebhookReceiver.Received got = receiver.received().get(0);
            assertEquals("receiver.invalid:" + port, got.header("host"), "the Host header names the URL's host");
            assertEquals("msg_pinned", got.header("webhook-id"));
            assertEquals("{\"type\":\"ping\"}", got.body());
        }
    }

    @Test
    void aRefusedConnectionIsAnAttemptWithoutStatus() throws Exception {
        int closed;
        try (WebhookReceiver gone = WebhookReceiver.ok()) {
            closed = URI.create(gone.url()).getPort();
        }
        WebhookHttpClient.Result result = client.send(new WebhookUrlValidator.Target(
                URI.create("http://127.0.0.1:" + closed + "/hook"), InetAddress.getLoopbackAddress()),
                "msg_x", 1L, "v1,eA==", "{}");
        assertNull(result.statusCode());
        assertTrue(result.error().contains("ConnectException"), result.error());
    }
}
