package io.debtwatch.scoring.webhooks;

import io.debtwatch.testsupport.WebhookReceiver;

import static io.debtwatch.scoring.webhooks.WebhookTestSupport.create;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.deliveries;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.newOrg;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.publish;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.repoId;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.scoreChanged;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.scoring.service.WebhookDeliveryWorker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue survives the worker stopping and a replica dying mid-delivery; a held lease is respected. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class WebhookRecoveryTest {

    @Inject
    WebhookDeliveryWorker worker;

    @Inject
    MongoClient mongo;

    @AfterEach
    void workerRunsAgain() {
        worker.start();
    }

    @Test
    void deliveriesQueuedWhileTheWorkerIsDownAreSentWhenItStarts() throws Exception {
        String org = newOrg();
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            WebhookTestSupport.Created hook = create(org, receiver.url());
            worker.stop();
            publish(scoreChanged(org, repoId(), null, 20, 10.0));
            publish(scoreChanged(org, repoId(), null, 21, 10.0));

            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(org, hook.id())
                    .getList("items.status", String.class).equals(List.of("pending", "pending")));
            Thread.sleep(500);
            assertEquals(0, receiver.requests().size());

            worker.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            for (WebhookReceiver.Received r : receiver.received()) {
                r.verify(hook.secret());
            }
        }
    }

    @Test
    void aDeliveryClaimedByACrashedReplicaIsSentOnceItsLeaseLapsesAndNotBefore() throws Exception {
        String org = newOrg();
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            WebhookTestSupport.Created hook = create(org, receiver.url());
            worker.stop();
            publish(scoreChanged(org, repoId(), null, 20, 10.0));
            publish(scoreChanged(org, repoId(), null, 25, 10.0));
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(org, hook.id()).getList("items").size() == 2);
            List<String> ids = deliveries(org, hook.id()).getList("items.id", String.class);
            Instant heldUntil = Instant.now().plusSeconds(2);
            claimAsAnotherReplica(ids.get(0), Instant.now().minusSeconds(1));
            claimAsAnotherReplica(ids.get(1), heldUntil);

            worker.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            WebhookReceiver.Received second = receiver.received().get(1);
            assertTrue(!second.at().isBefore(heldUntil), "sent while another replica still held the lease");
            JsonPath list = deliveries(org, hook.id());
            assertEquals(List.of("succeeded", "succeeded"), list.getList("items.status"));
            assertEquals(1, list.getList("items[0].attempts").size());
            assertEquals(1, list.getList("items[1].attempts").size());
            assertEquals(2, receiver.requests().size());
        }
    }

    /** What a replica leaves behind when it dies after claiming: status delivering under its lease. */
    private void claimAsAnotherReplica(String deliveryId, Instant leaseUntil) {
        long changed = mongo.getDatabase("debtwatch_scoring").getCollection("webhook_deliveries")
                .updateOne(Filters.eq("_id", new ObjectId(deliveryId)), Updates.combine(
                        Updates.set("status", "DELIVERING"), Updates.set("leaseToken", "crashed-replica"),
                        Updates.set("leaseUntil", Date.from(leaseUntil))))
                .getModifiedCount();
        assertEquals(1, changed);
    }
}
