package io.debtwatch.events;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A repository has a new current score. Published to {@link Topics#SCORE_EVENTS}, keyed by repoId.
 *
 * @param eventId         {@code repoId:sha:analyzerVersion:score-changed}
 * @param repoId          the repository id
 * @param org             the organisation
 * @param team            the team, may be null
 * @param sha             the commit the score belongs to
 * @param analyzerVersion the analyzer version behind the score
 * @param committedAt     the commit's committer time
 * @param index           the prototype index, 0 (production-grade) to 100 (raw prototype)
 * @param previousIndex   the index before, null for the first score
 * @param grade           the grade A to E
 * @param previousGrade   the grade before, null for the first score
 * @param categoryScores  sub-score per category, 0 to 100
 * @param explanation     why the score moved, for people
 * @param occurredAt      when the score was recorded
 */
public record ScoreChanged(
        String eventId,
        String repoId,
        String org,
        String team,
        String sha,
        String analyzerVersion,
        Instant committedAt,
        double index,
        Double previousIndex,
        String grade,
        String previousGrade,
        Map<String, Double> categoryScores,
        String explanation,
        Instant occurredAt) {

    /** The kind part of this event's id. */
    public static final String KIND = "score-changed";

    public ScoreChanged {
        categoryScores = sorted(categoryScores);
    }

    /** Maps are kept in key order, so the same analysis always has the same JSON text. */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
