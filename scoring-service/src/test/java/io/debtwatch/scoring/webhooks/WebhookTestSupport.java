package io.debtwatch.scoring.webhooks;

import io.debtwatch.testsupport.WebhookReceiver;

import static io.restassured.RestAssured.given;

import io.debtwatch.events.EventJson;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.ScoreChanged;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.types.ObjectId;

/** What webhook tests share: creating subscriptions through the API and publishing score events to Kafka. */
final class WebhookTestSupport {

    private WebhookTestSupport() {
    }

    /** A fresh org per test, so tests sharing the app and the database never see each other's webhooks. */
    static String newOrg() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String path(String org) {
        return "/api/v1/orgs/" + org + "/webhooks";
    }

    /** A created webhook: its id and the secret shown once. */
    record Created(String id, String secret) {
    }

    static Created create(String org, Map<String, Object> body) {
        JsonPath json = given().contentType(ContentType.JSON).body(body).post(path(org))
                .then().statusCode(201).extract().jsonPath();
        return new Created(json.getString("id"), json.getString("secret"));
    }

    static Created create(String org, String url) {
        return create(org, Map.of("url", url));
    }

    static JsonPath deliveries(String org, String webhookId) {
        return given().get(path(org) + "/" + webhookId + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    static String repoId() {
        return new ObjectId().toHexString();
    }

    /** A ScoreChanged as the scoring engineer publishes it, from {@code previous} to {@code index}. */
    static ScoreChanged scoreChanged(String org, String repoId, String team, double index, Double previous) {
        String sha = new ObjectId().toHexString() + "0123456789abcdef";
        return new ScoreChanged(repoId + ":" + sha + ":1.0.0:" + ScoreChanged.KIND, repoId, org, team, sha, "1.0.0",
                Instant.parse("2026-11-20T10:00:00Z"), index, previous, "C", "C", Map.of("todo", 40.0),
                "+6: 2 new TODOs in api/", Instant.now());
    }

    static void publish(ScoreChanged event) {
        publish(EventTypes.SCORE_CHANGED, event.repoId(), EventJson.write(event));
    }

    /** Publishes with the CloudEvents headers producers set, the way the scoring service does. */
    static void publish(String ceType, String key, String value) {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaTestResource.broker().bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SCORE_EVENTS, key, value);
            record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/debtwatch/scoring-service".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> webhookIds(List<WebhookReceiver.Received> received) {
        return received.stream().map(r -> r.header("webhook-id")).toList();
    }
}
