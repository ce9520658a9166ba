package io.debtwatch.scoring.webhooks;

import io.debtwatch.testsupport.WebhookReceiver;

import static io.debtwatch.scoring.webhooks.WebhookTestSupport.create;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.newOrg;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.publish;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.repoId;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.scoreChanged;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.debtwatch.events.ScoreChanged;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The delivery side of the latency goal: from a score event acknowledged on the topic to the signed
 * webhook at a local receiver. The platform-wide figure (push hook to webhook) is measured separately.
 * A benchmark that prints figures, not a timed test: run with {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class WebhookLatencyTest {

    private static final Logger LOG = Logger.getLogger(WebhookLatencyTest.class);
    private static final int EVENTS = 40;

    @Test
    void measureTopicToSignedWebhookLatency() throws Exception {
        String org = newOrg();
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            String secret = create(org, receiver.url()).secret();
            Map<String, Instant> sentAt = new HashMap<>();
            for (int i = 0; i < EVENTS; i++) {
                ScoreChanged event = scoreChanged(org, repoId(), null, 50 + i % 10, 40.0);
                publish(event);
                sentAt.put(event.eventId(), Instant.now());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= EVENTS);

            List<Long> millis = receiver.received().stream().map(r -> Duration.between(
                    sentAt.get(JsonPath.from(r.body()).getString("data.eventId")), r.at()).toMillis())
                    .map(m -> Math.max(0, m)).sorted().toList();
            for (WebhookReceiver.Received r : receiver.received()) {
                r.verify(secret);
            }
            long p50 = millis.get(millis.size() / 2);
            long p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
            LOG.infof("topic to signed webhook over %d events: p50 %d ms, p99 %d ms, max %d ms", millis.size(), p50,
                    p99, millis.get(millis.size() - 1));
            assertEquals(EVENTS, millis.size(), "every event arrived");
        }
    }
}
