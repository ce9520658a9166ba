package io.debtwatch.analyzer.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The score is a pure function: clean input is A, contributions sum to the index. */
class ScoreModelFoundationTest {

    @Test
    void cleanWellTestedCodeIsGradeA() {
        Score score = ScoreModel.score(new ScoreInput(10_000, 6_000, Map.of(), Map.of("readme", true, "tests", true)));
        assertEquals(0.0, score.index());
        assertEquals("A", score.grade());
        assertTrue(score.contributions().isEmpty());
    }

    @Test
    void contributionsSumToTheIndexLargestFirst() {
        Score score = ScoreModel.score(new ScoreInput(2_000, 0, Map.of(
                "security.token", new IndicatorCount("security", 2, 120),
                "satd.todo", new IndicatorCount("satd", 12, 360)), Map.of("readme", false, "tests", false)));
        double sum = score.contributions().stream().mapToDouble(Contribution::points).sum();
        assertEquals(score.index(), Math.round(sum * 10) / 10.0, 1e-9);
        for (int i = 1; i < score.contributions().size(); i++) {
            assertTrue(score.contributions().get(i - 1).points() >= score.contributions().get(i).points());
        }
        assertEquals(480 + 30 + 240, score.debtMinutes());
        assertTrue(score.index() > 30, "index " + score.index());
    }
}
