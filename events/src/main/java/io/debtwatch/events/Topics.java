package io.debtwatch.events;

/** Kafka topic names of the platform; every producer and consumer names a topic through these constants. */
public final class Topics {

    /** Repository lifecycle events, keyed by repoId, compacted. */
    public static final String REPOSITORIES = "debtwatch.repositories";
    /** {@link CommitDiscovered} events, keyed by repoId so one repository's commits stay in order. */
    public static final String COMMITS = "debtwatch.commits";
    /** {@link CommitAnalyzed} events, keyed by repoId. */
    public static final String ANALYSES = "debtwatch.analyses";
    /** Score events ({@link ScoreChanged} and later kinds), keyed by repoId. */
    public static final String SCORE_EVENTS = "debtwatch.score-events";

    private Topics() {
    }

    /**
     * The dead-letter topic of a topic: poison messages land there with error headers.
     *
     * @param topic the topic whose messages failed
     * @return the name of its dead-letter topic
     */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
