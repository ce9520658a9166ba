package io.debtwatch.scoring.service;

import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.GradeChanged;
import io.debtwatch.events.PromotionEvidence;
import io.debtwatch.events.PrototypePromoted;
import io.debtwatch.events.ScoreChanged;
import io.debtwatch.events.ThresholdCrossed;
import io.debtwatch.scoring.repository.OutboxRepository.PendingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the score events of a new current score, each with its deterministic eventId and exact payload. */
public final class ScoreEventFactory {

    private ScoreEventFactory() {
    }

    /**
     * @param score     the new current score
     * @param previous  the current score it replaces, if any
     * @param threshold the organisation's index threshold
     * @param evidence  prototype-promotion signals, empty when none fired
     * @return the events to send, ScoreChanged first
     */
    public static List<PendingEvent> events(CommitScore score, Optional<CurrentScore> previous, double threshold,
            List<PromotionEvidence> evidence) {
        List<PendingEvent> events = new ArrayList<>();
        Double previousIndex = previous.map(CurrentScore::index).orElse(null);
        String previousGrade = previous.map(CurrentScore::grade).orElse(null);
        events.add(pending(score, EventTypes.SCORE_CHANGED, id(score, ScoreChanged.KIND), new ScoreChanged(id(score, ScoreChanged.KIND),
                score.repoId(), score.org(), score.team(), score.sha(), score.analyzerVersion(), score.committedAt(),
                score.index(), previousIndex, score.grade(), previousGrade, score.categoryScores(),
                score.explanation(), score.recordedAt())));
        if (previousGrade != null && !previousGrade.equals(score.grade())) {
            events.add(pending(score, EventTypes.GRADE_CHANGED, id(score, GradeChanged.KIND), new GradeChanged(id(score, GradeChanged.KIND),
                    score.repoId(), score.org(), score.team(), score.sha(), score.analyzerVersion(),
                    score.committedAt(), score.grade(), previousGrade, score.index(), previousIndex,
                    score.recordedAt())));
        }
        String direction = crossing(previousIndex, score.index(), threshold);
        if (direction != null) {
            events.add(pending(score, EventTypes.THRESHOLD_CROSSED, id(score, ThresholdCrossed.KIND), new ThresholdCrossed(
                    id(score, ThresholdCrossed.KIND), score.repoId(), score.org(), score.team(), score.sha(),
                    score.analyzerVersion(), score.committedAt(), threshold, direction, score.index(), previousIndex,
                    score.recordedAt())));
        }
        if (!evidence.isEmpty()) {
            events.add(pending(score, EventTypes.PROTOTYPE_PROMOTED, id(score, PrototypePromoted.KIND), new PrototypePromoted(
                    id(score, PrototypePromoted.KIND), score.repoId(), score.org(), score.team(), score.sha(),
                    score.analyzerVersion(), score.committedAt(), score.index(), score.grade(), evidence,
                    score.recordedAt())));
        }
        return events;
    }

    /** "above" when the index rose to or past the threshold, "below" when it fell under it, else null. */
    static String crossing(Double previous, double index, double threshold) {
        if (previous == null) {
            return null;
        }
        if (previous < threshold && index >= threshold) {
            return "above";
        }
        if (previous >= threshold && index < threshold) {
            return "below";
        }
        return null;
    }

    private static String id(CommitScore score, String kind) {
        return EventIds.scoreEvent(score.repoId(), score.sha(), score.analyzerVersion(), kind);
    }

    private static PendingEvent pending(CommitScore score, String ceType, String eventId, Record event) {
        return new PendingEvent(eventId, score.repoId(), ceType, score.repoId() + "/" + score.sha(),
                EventJson.write(event));
    }
}
