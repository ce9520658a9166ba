package io.debtwatch.events;

import java.time.Instant;

/**
 * A repository's current grade moved. Published to {@link Topics#SCORE_EVENTS}, keyed by repoId,
 * next to the {@link ScoreChanged} of the same score.
 *
 * @param eventId         {@code repoId:sha:analyzerVersion:grade-changed}
 * @param repoId          the repository id
 * @param org             the organisation
 * @param team            the team, may be null
 * @param sha             the commit the new grade belongs to
 * @param analyzerVersion the analyzer version behind the score
 * @param committedAt     the commit's committer time
 * @param grade           the new grade A to E
 * @param previousGrade   the grade before
 * @param index           the new prototype index
 * @param previousIndex   the index before
 * @param occurredAt      when the score was recorded
 */
public record GradeChanged(
        String eventId,
        String repoId,
        String org,
        String team,
        String sha,
        String analyzerVersion,
        Instant committedAt,
        String grade,
        String previousGrade,
        double index,
        double previousIndex,
        Instant occurredAt) {

    /** The kind part of this event's id. */
    public static final String KIND = "grade-changed";
}
