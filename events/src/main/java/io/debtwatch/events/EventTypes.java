package io.debtwatch.events;

/**
 * CloudEvents {@code ce_type} values. A contract changes by adding fields; a breaking change gets
 * a new version suffix here.
 */
public final class EventTypes {

    public static final String REPOSITORY_REGISTERED = "io.debtwatch.repository.registered.v1";
    public static final String REPOSITORY_DELETED = "io.debtwatch.repository.deleted.v1";
    public static final String COMMIT_DISCOVERED = "io.debtwatch.commit.discovered.v1";
    public static final String COMMIT_ANALYZED = "io.debtwatch.commit.analyzed.v1";
    public static final String SCORE_CHANGED = "io.debtwatch.score.changed.v1";
    public static final String REPOSITORY_SYNC_FAILED = "io.debtwatch.repository.sync_failed.v1";
    public static final String GRADE_CHANGED = "io.debtwatch.grade.changed.v1";
    public static final String THRESHOLD_CROSSED = "io.debtwatch.threshold.crossed.v1";
    public static final String PROTOTYPE_PROMOTED = "io.debtwatch.prototype.promoted.v1";

    private EventTypes() {
    }
}
