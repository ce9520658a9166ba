package io.debtwatch.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaBroker;
import io.debtwatch.infra.mongo.MongoWireServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfraTest {

    @TempDir
    Path dir;

    @Test
    void brokerCreatesThePlatformTopicsAndKeepsMessagesAcrossARestart() throws Exception {
        int port = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        Path data = dir.resolve("kafka");
        try (KafkaBroker broker = KafkaBroker.start(data, port, controllerPort, 2)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                Set<String> topics = admin.listTopics().names().get();
                assertTrue(topics.containsAll(List.of(Topics.COMMITS, Topics.deadLetter(Topics.COMMITS),
                        Topics.ANALYSES, Topics.SCORE_EVENTS, Topics.REPOSITORIES)), topics.toString());
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.COMMITS, "r-1", "{\"eventId\":\"r-1:a\"}")).get();
            }
        }
        assertTrue(FreePorts.inUse(port) == false, "port released after close");
        try (KafkaBroker again = KafkaBroker.start(data, port, controllerPort, 2)) {
            List<String> values = readAll(again.bootstrapServers(), Topics.COMMITS);
            assertEquals(List.of("{\"eventId\":\"r-1:a\"}"), values);
        }
    }

    @Test
    void onDiskMongoKeepsDocumentsAcrossARestart() {
        Path file = dir.resolve("mongo/debtwatch.mv");
        int port = FreePorts.pick();
        try (MongoWireServer server = MongoWireServer.onDisk(file, port);
                MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("debtwatch_test").getCollection("things").insertOne(new Document("_id", "kept"));
        }
        try (MongoWireServer server = MongoWireServer.onDisk(file, port);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertEquals(1, client.getDatabase("debtwatch_test").getCollection("things")
                    .countDocuments(new Document("_id", "kept")));
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "reader");
        props.put("auto.offset.reset", "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
