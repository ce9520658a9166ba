package io.debtwatch.events;

import java.time.Instant;
import java.util.List;

/**
 * A repository that still scores as a prototype starts to look like production. Published to
 * {@link Topics#SCORE_EVENTS}, keyed by repoId; the rule is in docs/scoring.md.
 *
 * @param eventId         {@code repoId:sha:analyzerVersion:prototype-promoted}
 * @param repoId          the repository id
 * @param org             the organisation
 * @param team            the team, may be null
 * @param sha             the commit where the signals were seen
 * @param analyzerVersion the analyzer version behind the score
 * @param committedAt     the commit's committer time
 * @param index           the prototype index, still at or above the prototype level
 * @param grade           the grade
 * @param evidence        the signals seen, at least one
 * @param occurredAt      when the score was recorded
 */
public record PrototypePromoted(
        String eventId,
        String repoId,
        String org,
        String team,
        String sha,
        String analyzerVersion,
        Instant committedAt,
        double index,
        String grade,
        List<PromotionEvidence> evidence,
        Instant occurredAt) {

    /** The kind part of this event's id. */
    public static final String KIND = "prototype-promoted";

    public PrototypePromoted {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
