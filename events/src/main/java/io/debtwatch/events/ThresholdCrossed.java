package io.debtwatch.events;

import java.time.Instant;

/**
 * A repository's current index crossed its organisation's threshold. Published to
 * {@link Topics#SCORE_EVENTS}, keyed by repoId.
 *
 * @param eventId         {@code repoId:sha:analyzerVersion:threshold-crossed}
 * @param repoId          the repository id
 * @param org             the organisation
 * @param team            the team, may be null
 * @param sha             the commit whose score crossed
 * @param analyzerVersion the analyzer version behind the score
 * @param committedAt     the commit's committer time
 * @param threshold       the organisation's threshold
 * @param direction       {@code above} (index rose to or past the threshold) or {@code below} (fell under it)
 * @param index           the new prototype index
 * @param previousIndex   the index before
 * @param occurredAt      when the score was recorded
 */
public record ThresholdCrossed(
        String eventId,
        String repoId,
        String org,
        String team,
        String sha,
        String analyzerVersion,
        Instant committedAt,
        double threshold,
        String direction,
        double index,
        double previousIndex,
        Instant occurredAt) {

    /** The kind part of this event's id. */
    public static final String KIND = "threshold-crossed";
}
