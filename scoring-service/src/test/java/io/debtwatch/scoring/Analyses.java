package io.debtwatch.scoring;

import io.debtwatch.events.CategoryTotal;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.FindingSummary;
import io.debtwatch.events.IndicatorTotal;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.testsupport.TopicReader;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds CommitAnalyzed events for tests and sends them to the real broker. */
final class Analyses {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Analyses() {
    }

    /** A fresh repository id, so tests sharing one broker and one database never see each other's data. */
    static String repoId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String sha(String repoId, long depth) {
        return String.format("%040x", (repoId.hashCode() & 0xffffffL) * 1_000_000L + depth);
    }

    /** An analysis with {@code todos} TODOs in {@code loc} lines of Java, at the given depth and time. */
    static CommitAnalyzed analysis(String org, String team, String repoId, long depth, Instant at, int loc,
            int todos, List<FindingSummary> newFindings, Map<String, Boolean> checks) {
        String sha = sha(repoId, depth);
        List<String> parents = depth == 0 ? List.of() : List.of(sha(repoId, depth - 1));
        Map<String, IndicatorTotal> indicators = new HashMap<>();
        Map<String, CategoryTotal> categories = new HashMap<>();
        if (todos > 0) {
            indicators.put("satd.todo", new IndicatorTotal("satd", todos, todos * 15L));
            categories.put("satd", new CategoryTotal(todos, todos * 15L));
        }
        return new CommitAnalyzed(EventIds.analysis(repoId, sha, "1.0.0"), repoId, org, team, "main", sha, parents,
                at, depth, false, "1.0.0", at, Map.of("java", loc), 0, indicators, categories, checks,
                newFindings, newFindings.size(), List.of(), 0, newFindings, 3, 0);
    }

    /** An analysis with the given indicator totals and repository checks. */
    static CommitAnalyzed with(String org, String repoId, long depth, Instant at, int loc,
            Map<String, IndicatorTotal> indicators, Map<String, Boolean> checks) {
        String sha = sha(repoId, depth);
        List<String> parents = depth == 0 ? List.of() : List.of(sha(repoId, depth - 1));
        return new CommitAnalyzed(EventIds.analysis(repoId, sha, "1.0.0"), repoId, org, "core", "main", sha, parents,
                at, depth, false, "1.0.0", at, Map.of("java", loc), 0, indicators, Map.of(), checks, List.of(), 0,
                List.of(), 0, List.of(), 3, 0);
    }

    static CommitAnalyzed simple(String org, String team, String repoId, long depth, Instant at, int loc, int todos) {
        return analysis(org, team, repoId, depth, at, loc, todos, List.of(), Map.of());
    }

    static FindingSummary todo(String path, int line) {
        return new FindingSummary("fp-" + path + line, "satd.todo", "satd", "minor", path, line, "TODO comment", 15,
                Instant.parse("2025-01-15T08:00:00Z"));
    }

    /** Sends the records (key, value) through one producer, flushed together, so they tend to arrive in one poll. */
    static void sendTogether(List<Map.Entry<String, String>> records) {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaTestResource.broker().bootstrapServers());
        props.put("linger.ms", "50");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            records.forEach(r -> producer.send(new ProducerRecord<>(Topics.ANALYSES, r.getKey(), r.getValue())));
            producer.flush();
        }
    }

    static void send(CommitAnalyzed analysis) {
        TopicReader.send(KafkaTestResource.broker().bootstrapServers(), Topics.ANALYSES, analysis.repoId(),
                EventJson.write(analysis));
    }
}
