package io.debtwatch.analyzer.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreModelTest {

    private static Score score(long loc, long minutes) {
        return ScoreModel.score(new ScoreInput(loc, 0, Map.of("satd.tagged", new IndicatorCount("satd", 1, minutes)),
                Map.of()));
    }

    @Test
    void cleanCodeIsGradeA() {
        Score score = ScoreModel.score(new ScoreInput(5000, 2000, Map.of(), Map.of()));
        assertEquals(0.0, score.index());
        assertEquals("A", score.grade());
    }

    @Test
    void theIndexIsBoundedAndMonotoneInTheFindings() {
        double previous = -1;
        for (long minutes = 0; minutes <= 100_000; minutes += 500) {
            double index = score(1000, minutes).index();
            assertTrue(index >= previous && index <= 100, minutes + " minutes gave " + index);
            previous = index;
        }
    }

    @Test
    void theIndexIsSizeNormalised() {
        assertEquals(score(1000, 120).index(), score(10_000, 1200).index());
        assertEquals(50.0, score(1000, 120).index());
    }

    @Test
    void contributionsExplainEveryPoint() {
        Score score = ScoreModel.score(new ScoreInput(2000, 0, Map.of(
                "satd.tagged", new IndicatorCount("satd", 4, 120),
                "error-handling.empty-catch", new IndicatorCount("error-handling", 3, 60)), Map.of()));
        double sum = score.contributions().stream().mapToDouble(Contribution::points).sum();
        assertEquals(score.index(), sum, 0.15);
        assertEquals("satd.tagged", score.contributions().get(0).indicatorId());
        assertEquals(180, score.debtMinutes());
    }

    @Test
    void gradesFollowTheLimits() {
        assertEquals("A", ScoreModel.grade(19.9));
        assertEquals("B", ScoreModel.grade(20));
        assertEquals("C", ScoreModel.grade(49.9));
        assertEquals("D", ScoreModel.grade(50));
        assertEquals("E", ScoreModel.grade(70));
    }
}
