package io.debtwatch.analyzer.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked example of docs/scoring.md, number for number. */
class WorkedExampleTest {

    @Test
    void docsWorkedExample() {
        Score score = ScoreModel.score(new ScoreInput(2_000, 200, Map.of(
                "satd.todo", new IndicatorCount("satd", 6, 180),
                "error-handling.empty-catch", new IndicatorCount("error-handling", 2, 30),
                "security.token", new IndicatorCount("security", 1, 60)), Map.of("readme", false, "ci", true)));
        assertEquals(34.5, score.index());
        assertEquals("C", score.grade());
        assertEquals(52.8, score.categoryScores().get("satd"));
        assertEquals(52.8, score.categoryScores().get("error-handling"));
        assertEquals(39.3, score.categoryScores().get("security"));
        assertEquals(33.0, score.categoryScores().get("readiness"));
        assertEquals(67.5, score.categoryScores().get("tests"));
        assertEquals(300, score.debtMinutes());
        assertEquals("tests.low-ratio", score.contributions().get(0).indicatorId());
        assertEquals(10.1, score.contributions().get(0).points());
    }
}
