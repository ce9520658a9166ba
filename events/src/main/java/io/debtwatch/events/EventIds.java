package io.debtwatch.events;

/**
 * Deterministic event ids. The same fact always gets the same id, so every consumer can be
 * idempotent on it and a redelivered message changes nothing.
 */
public final class EventIds {

    private EventIds() {
    }

    /**
     * @param repoId the repository id
     * @return the id of the event that registered the repository
     */
    public static String repositoryRegistered(String repoId) {
        return requireId(repoId, "repoId") + ":registered";
    }

    /**
     * @param repoId the repository id
     * @return the id of the event that deleted the repository
     */
    public static String repositoryDeleted(String repoId) {
        return requireId(repoId, "repoId") + ":deleted";
    }

    /**
     * @param repoId the repository id
     * @param sha    the full commit id
     * @return {@code repoId:sha}
     */
    public static String commit(String repoId, String sha) {
        return requireId(repoId, "repoId") + ":" + requireId(sha, "sha");
    }

    /**
     * @param repoId          the repository id
     * @param sha             the full commit id
     * @param analyzerVersion the version of the analyzer that produced the analysis
     * @return {@code repoId:sha:analyzerVersion}
     */
    public static String analysis(String repoId, String sha, String analyzerVersion) {
        return commit(repoId, sha) + ":" + requireId(analyzerVersion, "analyzerVersion");
    }

    /**
     * @param repoId          the repository id
     * @param sha             the commit the score belongs to
     * @param analyzerVersion the analyzer version behind the score
     * @param kind            the kind of score event, such as {@code score-changed}
     * @return {@code repoId:sha:analyzerVersion:kind}
     */
    public static String scoreEvent(String repoId, String sha, String analyzerVersion, String kind) {
        return analysis(repoId, sha, analyzerVersion) + ":" + requireId(kind, "kind");
    }

    /**
     * @param repoId   the repository id
     * @param failedAt when the failure that started the outage happened
     * @return {@code repoId:sync-failed:<epoch millis>}
     */
    public static String syncFailed(String repoId, java.time.Instant failedAt) {
        return requireId(repoId, "repoId") + ":sync-failed:" + failedAt.toEpochMilli();
    }

    private static String requireId(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
