package io.debtwatch.scoring.webhooks;

import io.debtwatch.testsupport.WebhookReceiver;

import static io.debtwatch.scoring.webhooks.WebhookTestSupport.create;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.deliveries;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.newOrg;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.path;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.publish;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.repoId;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.scoreChanged;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.webhookIds;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.RepositorySyncFailed;
import io.debtwatch.events.ScoreChanged;
import io.debtwatch.infra.FreePorts;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Score events reach subscribers as signed Standard Webhooks, verified by the official library. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class WebhookDeliveryTest {

    @Test
    void aScoreChangeArrivesSignedWithTheStandardEnvelope() throws Exception {
        String org = newOrg();
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            WebhookTestSupport.Created hook = create(org, receiver.url());
            ScoreChanged event = scoreChanged(org, repoId(), "payments", 62, 55.0);
            publish(event);

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received got = receiver.received().get(0);
            got.verify(hook.secret());
            assertTrue(got.header("webhook-id").startsWith("msg_"));
            assertTrue(got.header("webhook-signature").matches("^v1,[A-Za-z0-9+/]+=*$"));
            JsonPath body = JsonPath.from(got.body());
            assertEquals("score.changed", body.getString("type"));
            assertEquals(event.occurredAt().toString(), body.getString("timestamp"));
            assertEquals(event.eventId(), body.getString("data.eventId"));
            assertEquals(62.0, body.getDouble("data.index"));

            await().atMost(Duration.ofSeconds(5)).until(() -> "succeeded".equals(
                    deliveries(org, hook.id()).getString("items[0].status")));
            JsonPath list = deliveries(org, hook.id());
            assertEquals(got.header("webhook-id"), list.getString("items[0].messageId"));
            assertEquals(200, list.getInt("items[0].attempts[0].statusCode"));
            assertNotNull(list.getString("items[0].attempts[0].at"));
            assertTrue(list.getLong("items[0].attempts[0].latencyMs") >= 0);
            assertNull(list.getString("items[0].nextAttemptAt"));
        }
    }

    @Test
    void typesAndFiltersChooseWhoReceivesWhat() throws Exception {
        String org = newOrg();
        String watched = repoId();
        try (WebhookReceiver grades = WebhookReceiver.ok(); WebhookReceiver bigMoves = WebhookReceiver.ok();
                WebhookReceiver everything = WebhookReceiver.ok()) {
            create(org, Map.of("url", grades.url(), "eventTypes", List.of("grade.changed")));
            create(org, Map.of("url", bigMoves.url(), "filters",
                    Map.of("repositories", List.of(watched), "minIndexChange", 5)));
            create(org, Map.of("url", everything.url(), "eventTypes", List.of("*")));

            publish(scoreChanged(org, watched, null, 52, 50.0));
            publish(scoreChanged(org, repoId(), null, 80, 50.0));
            ScoreChanged big = scoreChanged(org, watched, null, 70, 50.0);
            publish(big);
            publish("io.debtwatch.commit.analyzed.v1", watched, "{\"eventId\":\"x\",\"org\":\"" + org + "\"}");
            String grade = "{\"eventId\":\"" + watched + ":g1\",\"org\":\"" + org + "\",\"repoId\":\"" + watched
                    + "\",\"grade\":\"D\",\"previousGrade\":\"C\"}";
            publish("io.debtwatch.grade.changed.v1", watched, grade);

            await().atMost(Duration.ofSeconds(20)).until(() -> everything.received().size() == 4);
            assertEquals(List.of("grade.changed", "score.changed", "score.changed", "score.changed"),
                    everything.received().stream().map(r -> JsonPath.from(r.body()).getString("type")).sorted()
                            .toList());
            await().atMost(Duration.ofSeconds(5)).until(() -> grades.received().size() == 1
                    && bigMoves.received().size() == 2);
            assertEquals("grade.changed", JsonPath.from(grades.received().get(0).body()).getString("type"));
            assertEquals(Set.of(big.eventId(), watched + ":g1"), Set.copyOf(bigMoves.received().stream()
                    .map(r -> JsonPath.from(r.body()).getString("data.eventId")).toList()));
        }
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicAndTheNextOneIsDelivered() {
        String org = newOrg();
        try (WebhookReceiver receiver = WebhookReceiver.ok();
                TopicReader dlq = new TopicReader(KafkaTestResource.broker().bootstrapServers(),
                        "debtwatch.score-events.dlq")) {
            create(org, receiver.url());
            String poison = "{\"org\":\"" + org + "\", not json";
            publish("io.debtwatch.score.changed.v1", "k", poison);
            publish(scoreChanged(org, repoId(), null, 40, null));

            assertEquals(1, dlq.await(1, r -> poison.equals(r.value()), Duration.ofSeconds(20)).size());
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
        }
    }

    @Test
    void aReceiverDownForAWhileGetsEveryEventWithAStableWebhookId() throws Exception {
        String org = newOrg();
        int port = FreePorts.pick();
        WebhookTestSupport.Created hook = create(org, WebhookReceiver.url(port));
        List<ScoreChanged> events = List.of(scoreChanged(org, repoId(), null, 30, 20.0),
                scoreChanged(org, repoId(), null, 31, 20.0), scoreChanged(org, repoId(), null, 32, 20.0));
        events.forEach(WebhookTestSupport::publish);

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(org, hook.id()).getList("items").size() == 3
                && deliveries(org, hook.id()).getList("items.attempts.flatten()").size() >= 6);
        try (WebhookReceiver receiver = WebhookReceiver.startOn(port, n -> new WebhookReceiver.Reply(200, 0))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() >= 3);
            JsonPath list = deliveries(org, hook.id());
            assertEquals(Set.copyOf(list.getList("items.messageId", String.class)),
                    Set.copyOf(webhookIds(receiver.received())));
            for (WebhookReceiver.Received r : receiver.received()) {
                r.verify(hook.secret());
            }
            assertEquals(Set.copyOf(events.stream().map(ScoreChanged::eventId).toList()),
                    Set.copyOf(receiver.received().stream().map(r -> JsonPath.from(r.body()).getString("data.eventId"))
                            .toList()));
            await().atMost(Duration.ofSeconds(5)).until(() -> deliveries(org, hook.id())
                    .getList("items.status", String.class).stream().allMatch("succeeded"::equals));
            String error = deliveries(org, hook.id()).getString("items[0].attempts[0].error");
            assertTrue(error.contains("ConnectException"), error);
        }
    }

    @Test
    void aRedirectIsNotFollowedButRetriedAsAFailure() {
        String org = newOrg();
        try (WebhookReceiver elsewhere = WebhookReceiver.ok();
                WebhookReceiver redirecting = WebhookReceiver.start(n -> WebhookReceiver.Reply.redirect(elsewhere.url()))) {
            WebhookTestSupport.Created hook = create(org, redirecting.url());
            publish(scoreChanged(org, repoId(), null, 66, 60.0));

            await().atMost(Duration.ofSeconds(20)).until(() -> redirecting.requests().size() >= 2);
            JsonPath list = deliveries(org, hook.id());
            assertEquals(307, list.getInt("items[0].attempts[0].statusCode"));
            assertTrue(List.of("pending", "delivering").contains(list.getString("items[0].status")),
                    list.getString("items[0].status"));
            assertTrue(elsewhere.requests().isEmpty(), "the redirect target was called");
        }
    }

    @Test
    void aRepositoryThatStoppedSyncingArrivesAsRepositorySyncFailed() throws Exception {
        String org = newOrg();
        String repo = repoId();
        try (WebhookReceiver outages = WebhookReceiver.ok(); WebhookReceiver scores = WebhookReceiver.ok()) {
            WebhookTestSupport.Created hook = create(org, Map.of("url", outages.url(),
                    "eventTypes", List.of("repository.sync_failed")));
            create(org, Map.of("url", scores.url(), "eventTypes", List.of("score.changed")));
            RepositorySyncFailed failed = RepositorySyncFailed.of(repo, org, "payments",
                    "https://git.example.com/acme/billing.git", "cannot reach the remote: connection refused", 1,
                    Instant.parse("2026-11-24T10:00:00Z"));
            publish(EventTypes.REPOSITORY_SYNC_FAILED, repo, EventJson.write(failed));

            await().atMost(Duration.ofSeconds(20)).until(() -> outages.received().size() == 1);
            WebhookReceiver.Received got = outages.received().get(0);
            got.verify(hook.secret());
            JsonPath body = JsonPath.from(got.body());
            assertEquals("repository.sync_failed", body.getString("type"));
            assertEquals(failed.eventId(), body.getString("data.eventId"));
            assertEquals(repo, body.getString("data.repoId"));
            assertEquals("cannot reach the remote: connection refused", body.getString("data.error"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> scores.requests().isEmpty());
        }
    }

    @Test
    void a410DisablesTheSubscriptionAndSaysWhy() {
        String org = newOrg();
        try (WebhookReceiver gone = WebhookReceiver.start(n -> new WebhookReceiver.Reply(410, 0))) {
            WebhookTestSupport.Created hook = create(org, gone.url());
            publish(scoreChanged(org, repoId(), null, 70, 60.0));

            await().atMost(Duration.ofSeconds(20)).until(() -> !given().get(path(org) + "/" + hook.id())
                    .then().extract().jsonPath().getBoolean("enabled"));
            given().get(path(org) + "/" + hook.id()).then()
                    .body("disabledReason", containsString("410"));
            JsonPath list = deliveries(org, hook.id());
            assertEquals("cancelled", list.getString("items[0].status"));
            assertEquals(410, list.getInt("items[0].attempts[0].statusCode"));
            assertEquals(1, list.getList("items[0].attempts").size());

            publish(scoreChanged(org, repoId(), null, 75, 70.0));
            given().post(path(org) + "/" + hook.id() + "/test").then().statusCode(409);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> deliveries(org, hook.id()).getList("items").size() == 1);
            assertEquals(1, gone.requests().size());
        }
    }

    @Test
    void aSlowReceiverNeverHoldsUpAFastOne() {
        String org = newOrg();
        try (WebhookReceiver slow = WebhookReceiver.start(n -> new WebhookReceiver.Reply(200, 700));
                WebhookReceiver fast = WebhookReceiver.ok()) {
            create(org, slow.url());
            create(org, fast.url());
            for (int i = 0; i < 6; i++) {
                publish(scoreChanged(org, repoId(), null, 40 + i, 30.0));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> fast.received().size() == 6);
            assertTrue(slow.received().size() < 6, "the fast receiver had to wait for the slow one");
            await().atMost(Duration.ofSeconds(20)).until(() -> slow.received().size() == 6);
            assertTrue(slow.maxConcurrent() <= 2, "per-endpoint limit exceeded: " + slow.maxConcurrent());
        }
    }

    @Test
    void aTimeoutIsRetriedWithTheSameWebhookId() throws Exception {
        String org = newOrg();
        try (WebhookReceiver sleepy = WebhookReceiver.start(n -> new WebhookReceiver.Reply(200, n == 1 ? 2500 : 0))) {
            WebhookTestSupport.Created hook = create(org, sleepy.url());
            publish(scoreChanged(org, repoId(), null, 33, 30.0));

            await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(
                    deliveries(org, hook.id()).getString("items[0].status")));
            JsonPath list = deliveries(org, hook.id());
            assertTrue(list.getString("items[0].attempts[0].error").startsWith("timeout"));
            assertNull(list.get("items[0].attempts[0].statusCode"));
            assertEquals(200, list.getInt("items[0].attempts[-1].statusCode"));
            assertEquals(1, Set.copyOf(webhookIds(sleepy.requests())).size());
            sleepy.received().get(0).verify(hook.secret());
        }
    }

    @Test
    void afterTheLastTryADeliveryIsDeadLetteredAndCanBeRedelivered() throws Exception {
        String org = newOrg();
        try (WebhookReceiver failing = WebhookReceiver.start(n -> new WebhookReceiver.Reply(n <= 10 ? 500 : 204, 0))) {
            WebhookTestSupport.Created hook = create(org, failing.url());
            publish(scoreChanged(org, repoId(), null, 90, 10.0));

            await().atMost(Duration.ofSeconds(30)).until(() -> "dead".equals(
                    deliveries(org, hook.id()).getString("items[0].status")));
            JsonPath dead = deliveries(org, hook.id());
            assertEquals(10, dead.getList("items[0].attempts").size());
            assertTrue(dead.getString("items[0].reason").contains("HTTP 500"));
            String deliveryId = dead.getString("items[0].id");

            given().post(path(org) + "/" + hook.id() + "/deliveries/" + deliveryId + "/redeliver")
                    .then().statusCode(202).body("status", equalTo("pending"));
            await().atMost(Duration.ofSeconds(10)).until(() -> failing.received().size() == 1);
            failing.received().get(0).verify(hook.secret());
            assertEquals(1, Set.copyOf(webhookIds(failing.requests())).size());
            await().atMost(Duration.ofSeconds(5)).until(() -> "succeeded".equals(
                    deliveries(org, hook.id()).getString("items[0].status")));
            given().post(path(org) + "/" + hook.id() + "/deliveries/000000000000000000000000/redeliver")
                    .then().statusCode(404);
        }
    }

    @Test
    void aPingArrivesAndDuringARotationBothSecretsVerify() throws Exception {
        String org = newOrg();
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            WebhookTestSupport.Created hook = create(org, receiver.url());
            String newSecret = given().queryParam("overlapSeconds", 3)
                    .post(path(org) + "/" + hook.id() + "/rotate-secret").then().statusCode(200)
                    .extract().path("secret");
            given().post(path(org) + "/" + hook.id() + "/test").then().statusCode(202)
                    .body("type", equalTo("webhook.ping"));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received during = receiver.received().get(0);
            assertEquals(2, during.header("webhook-signature").split(" ").length);
            during.verify(hook.secret());
            during.verify(newSecret);
            assertEquals("webhook.ping", JsonPath.from(during.body()).getString("type"));

            Thread.sleep(3100);
            given().post(path(org) + "/" + hook.id() + "/test").then().statusCode(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            WebhookReceiver.Received after = receiver.received().get(1);
            assertEquals(1, after.header("webhook-signature").split(" ").length);
            after.verify(newSecret);
            assertThrows(WebhookVerificationException.class, () -> after.verify(hook.secret()));
        }
    }

    @Test
    void aRedeliveredKafkaMessageQueuesNoSecondDelivery() {
        String org = newOrg();
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            WebhookTestSupport.Created hook = create(org, receiver.url());
            ScoreChanged event = scoreChanged(org, repoId(), null, 45, 44.0);
            publish(event);
            publish("io.debtwatch.score.changed.v1", event.repoId(), EventJson.write(event));
            ScoreChanged marker = scoreChanged(org, event.repoId(), null, 46, 45.0);
            publish(marker);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() >= 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> deliveries(org, hook.id()).getList("items").size() == 2);
            assertEquals(2, receiver.received().size());
        }
    }

    @Test
    void eventsFromBeforeTheSubscriptionExistedAreNotSent() {
        String org = newOrg();
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            create(org, receiver.url());
            ScoreChanged fresh = scoreChanged(org, repoId(), null, 60, 50.0);
            ScoreChanged template = scoreChanged(org, repoId(), null, 70, 50.0);
            ScoreChanged old = new ScoreChanged(template.eventId(), template.repoId(), org, null, template.sha(),
                    template.analyzerVersion(), template.committedAt(), 70, 50.0, "D", "C", Map.of(), "history",
                    Instant.now().minus(Duration.ofDays(1)));
            publish(old);
            publish(fresh);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> receiver.requests().size() == 1);
            assertEquals(fresh.eventId(), JsonPath.from(receiver.received().get(0).body()).getString("data.eventId"));
        }
    }

    @Test
    void theReadinessCheckReportsTheWorkerAndTheQueue() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'webhook-delivery' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'webhook-delivery' }.data.workerRunning", equalTo(true));
    }
}
