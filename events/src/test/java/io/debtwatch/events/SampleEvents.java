package io.debtwatch.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One filled-in example of every event, shared by the contract tests. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");

    private SampleEvents() {
    }

    static List<Record> all() {
        return List.of(registered(), deleted(), discovered(), analyzed(), scoreChanged(), gradeChanged(),
                thresholdCrossed(), prototypePromoted(), syncFailed());
    }

    static RepositoryRegistered registered() {
        return RepositoryRegistered.of("r-1", "acme", "payments", "billing", "https://git.example/acme/billing.git",
                "main", AT);
    }

    static RepositoryDeleted deleted() {
        return RepositoryDeleted.of("r-1", "acme", false, AT);
    }

    static CommitDiscovered discovered() {
        return new CommitDiscovered(EventIds.commit("r-1", "a1b2"), "r-1", "acme", "payments",
                "https://git.example/acme/billing.git", "main", "a1b2", List.of("p1", "p2"), "Ada", AT,
                "wip: quick hack", List.of(new ChangedFile("src/A.java", null, ChangedFile.ChangeType.ADD, "b1"),
                        new ChangedFile("src/B.java", "src/Old.java", ChangedFile.ChangeType.RENAME, "b2")),
                false, true, 42);
    }

    static CommitAnalyzed analyzed() {
        FindingSummary todo = new FindingSummary("fp1", "satd.todo", "satd", "minor", "api/A.java", 3,
                "TODO comment", 15, Instant.parse("2025-03-01T09:00:00Z"));
        return new CommitAnalyzed(EventIds.analysis("r-1", "a1b2", "1.0.0"), "r-1", "acme", "payments", "main",
                "a1b2", List.of("p1"), AT, 42, false, "1.0.0", AT, Map.of("java", 1200, "python", 30), 300,
                Map.of("satd.todo", new IndicatorTotal("satd", 2, 30)), Map.of("satd", new CategoryTotal(2, 30)),
                Map.of("readme", true, "tests", false), List.of(todo), 1, List.of(), 0, List.of(todo), 12, 1);
    }

    static ScoreChanged scoreChanged() {
        return new ScoreChanged(EventIds.scoreEvent("r-1", "a1b2", "1.0.0", ScoreChanged.KIND), "r-1", "acme",
                "payments", "a1b2", "1.0.0", AT, 37.5, 31.0, "C", "B", Map.of("satd", 40.0),
                "+6.5: 2 new TODOs in api/", AT);
    }

    static GradeChanged gradeChanged() {
        return new GradeChanged(EventIds.scoreEvent("r-1", "a1b2", "1.0.0", GradeChanged.KIND), "r-1", "acme",
                "payments", "a1b2", "1.0.0", AT, "C", "B", 37.5, 31.0, AT);
    }

    static ThresholdCrossed thresholdCrossed() {
        return new ThresholdCrossed(EventIds.scoreEvent("r-1", "a1b2", "1.0.0", ThresholdCrossed.KIND), "r-1",
                "acme", "payments", "a1b2", "1.0.0", AT, 50.0, "above", 52.5, 48.0, AT);
    }

    static PrototypePromoted prototypePromoted() {
        return new PrototypePromoted(EventIds.scoreEvent("r-1", "a1b2", "1.0.0", PrototypePromoted.KIND), "r-1",
                "acme", "payments", "a1b2", "1.0.0", AT, 71.0, "D",
                List.of(new PromotionEvidence("repository-check", "dockerfile", "false", "true")), AT);
    }

    static RepositorySyncFailed syncFailed() {
        return RepositorySyncFailed.of("r-1", "acme", "payments", "https://git.example/acme/billing.git",
                "fetch failed: connection refused", 1, AT);
    }
}
