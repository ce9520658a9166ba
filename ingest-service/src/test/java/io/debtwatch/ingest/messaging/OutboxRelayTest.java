package io.debtwatch.ingest.messaging;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.ingest.repository.OutboxEvent;
import io.debtwatch.ingest.repository.OutboxRepository;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * The outbox: an event recorded twice is stored once; a recorded event reaches Kafka and is marked
 * sent only then; an event left unsent by a crash (recorded, or sent but not marked) goes out again
 * with the same eventId.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class OutboxRelayTest {

    @Inject
    OutboxRepository outbox;

    @Inject
    MongoClient mongo;

    @Test
    void aRecordedEventIsSentOnceMarkedAndResentWithTheSameIdAfterACrash() {
        String repoId = new ObjectId().toHexString();
        String eventId = repoId + ":" + "a".repeat(40);
        OutboxEvent event = OutboxEvent.of(eventId, Topics.COMMITS, repoId, EventTypes.COMMIT_DISCOVERED,
                "crash/" + repoId, "{\"eventId\":\"" + eventId + "\"}", repoId, false);
        assertThat(outbox.record(List.of(event)), equalTo(1));
        assertThat("the same fact is recorded once", outbox.record(List.of(OutboxEvent.of(eventId, Topics.COMMITS,
                repoId, EventTypes.COMMIT_DISCOVERED, "crash/" + repoId, "{}", repoId, false))), equalTo(0));

        MongoCollection<Document> collection = mongo.getDatabase("debtwatch_ingest").getCollection("outbox");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> collection.find(Filters.eq("eventId", eventId)).first().get("sentAt") != null);
        assertThat(collection.find(Filters.eq("eventId", eventId)).first().getDate("sentAt"), notNullValue());

        // a crash after Kafka's ack but before the mark: the entry is unsent again as far as the outbox knows
        collection.updateOne(Filters.eq("eventId", eventId), Updates.set("sentAt", null));
        try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.COMMITS)) {
            List<ConsumerRecord<String, String>> copies = reader.await(2, r -> repoId.equals(r.key()),
                    Duration.ofSeconds(20));
            assertThat(copies, hasSize(2));
            for (ConsumerRecord<String, String> copy : copies) {
                assertThat(new String(copy.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                        equalTo(eventId));
                assertThat(copy.value(), equalTo("{\"eventId\":\"" + eventId + "\"}"));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> collection.find(Filters.eq("eventId", eventId)).first().get("sentAt") != null);
    }
}
