package io.debtwatch.analyzer.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.analyzer.AnalysisSettings;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.scan.ScanResult;
import io.debtwatch.analyzer.scan.TreeScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibration of docs/scoring.md: a small well-engineered library grades A, a weekend
 *  hackathon app grades E, scanned end to end from fixture trees. */
class CalibrationTest {
    private final Analyzer analyzer = new Analyzer(AnalysisSettings.defaults());

    private ScanResult scan(String name) throws Exception {
        Path root = Path.of(CalibrationTest.class.getResource("/calibration/" + name).toURI());
        List<String> problems = new ArrayList<>();
        return TreeScan.scan(analyzer, TreeScan.listDirectory(root, problems), problems, done -> { });
    }

    @Test
    void wellEngineeredLibraryGradesA() throws Exception {
        ScanResult result = scan("library");
        assertEquals("A", result.score().grade(), result.score() + " " + result.repository());
        assertTrue(result.repository().findings().isEmpty(), result.repository().findings().toString());
    }

    @Test
    void hackathonAppGradesE() throws Exception {
        ScanResult result = scan("hackathon");
        assertEquals("E", result.score().grade(), result.score().toString());
        assertTrue(result.score().categoryScores().get("security") > 90, result.score().toString());
        assertTrue(result.score().contributions().stream().anyMatch(c -> c.indicatorId().equals("security.token")));
    }
}
