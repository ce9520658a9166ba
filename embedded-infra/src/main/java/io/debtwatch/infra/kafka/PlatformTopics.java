package io.debtwatch.infra.kafka;

import io.debtwatch.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the platform's topics and their dead-letter topics on a broker that lacks them. In
 * production the same topics come from deploy/ (Strimzi KafkaTopic resources).
 */
public final class PlatformTopics {

    private PlatformTopics() {
    }

    /**
     * @param bootstrapServers the broker
     * @param partitions       partitions per topic
     */
    public static void create(String bootstrapServers, int partitions) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of(Topics.REPOSITORIES, Topics.COMMITS, Topics.ANALYSES, Topics.SCORE_EVENTS)) {
                NewTopic main = new NewTopic(topic, partitions, (short) 1);
                if (topic.equals(Topics.REPOSITORIES)) {
                    main.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                addIfMissing(missing, existing, main);
                addIfMissing(missing, existing, new NewTopic(Topics.deadLetter(topic), 1, (short) 1));
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the platform topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static void addIfMissing(List<NewTopic> missing, Set<String> existing, NewTopic topic) {
        if (!existing.contains(topic.name())) {
            missing.add(topic);
        }
    }
}
