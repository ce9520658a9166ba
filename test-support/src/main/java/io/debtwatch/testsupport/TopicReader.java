package io.debtwatch.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes real Kafka topics from tests, so assertions are made on what reached a topic. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    /**
     * Starts reading a topic from its beginning with a fresh consumer group.
     *
     * @param bootstrapServers the broker
     * @param topic            the topic to read
     */
    public TopicReader(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", "test-reader-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /**
     * Polls until {@code count} records match, or the timeout passes.
     *
     * @param count   how many matching records to wait for
     * @param matches which records count
     * @param timeout how long to wait at most
     * @return the matching records seen, possibly fewer than asked for
     */
    public List<ConsumerRecord<String, String>> await(int count, Predicate<ConsumerRecord<String, String>> matches,
            Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (matches.test(record)) {
                    seen.add(record);
                }
            }
        }
        return seen;
    }

    /**
     * Sends one record and waits for the broker's acknowledgement.
     *
     * @param bootstrapServers the broker
     * @param topic            the topic
     * @param key              the record key
     * @param value            the record value, sent as is
     */
    public static void send(String bootstrapServers, String topic, String key, String value) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
