package io.debtwatch.scoring.webhooks;

import io.debtwatch.testsupport.WebhookReceiver;

import static io.debtwatch.scoring.webhooks.WebhookTestSupport.deliveries;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.newOrg;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.path;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.publish;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.repoId;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.scoreChanged;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** With production SSRF settings the service refuses loopback when subscribing and again when delivering. */
@QuarkusTest
@TestProfile(WebhookSsrfTest.ProductionSsrf.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class WebhookSsrfTest {

    /** The production defaults of the guard: no loopback, no allowlist. */
    public static class ProductionSsrf implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("debtwatch.webhooks.allow-loopback", "false");
        }
    }

    @Inject
    MongoClient mongo;

    @Test
    void aLoopbackUrlIsRefusedAtSubscriptionTime() {
        String org = newOrg();
        given().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:8080/hook")).post(path(org))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url")).body("errors.message", hasItem(containsString("loopback")));
        given().contentType(ContentType.JSON).body(Map.of("url", "http://169.254.169.254/latest/")).post(path(org))
                .then().statusCode(400).body("errors.field", hasItem("url"));
    }

    @Test
    void anAddressThatTurnedPrivateAfterSubscribingIsRefusedAtDeliveryTime() {
        String org = newOrg();
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            String id = storedAsIfDnsChangedLater(org, receiver.url());
            publish(scoreChanged(org, repoId(), null, 50, 40.0));

            await().atMost(Duration.ofSeconds(20)).until(() -> !deliveries(org, id).getList("items.attempts.flatten()")
                    .isEmpty());
            String error = deliveries(org, id).getString("items[0].attempts[0].error");
            assertTrue(error.startsWith("refused: ") && error.contains("loopback"), error);
            assertEquals(0, receiver.requests().size());
        }
    }

    /** A subscription whose host was public when it was checked and now resolves to loopback. */
    private String storedAsIfDnsChangedLater(String org, String url) {
        ObjectId id = new ObjectId();
        Date now = new Date();
        mongo.getDatabase("debtwatch_scoring").getCollection("webhook_subscriptions").insertOne(new Document("_id", id)
                .append("org", org).append("url", url).append("eventTypes", List.of())
                .append("repositories", List.of()).append("teams", List.of()).append("enabled", true)
                .append("secret", "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .append("createdAt", now).append("updatedAt", now));
        return id.toHexString();
    }
}
