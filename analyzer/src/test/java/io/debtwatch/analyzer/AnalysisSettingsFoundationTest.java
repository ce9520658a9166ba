package io.debtwatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** .debtwatch.yml: excludes, disabled indicators, thresholds, and errors naming key and line. */
class AnalysisSettingsFoundationTest {

    @Test
    void parsesExcludesDisabledAndThresholds() throws SettingsException {
        AnalysisSettings s = AnalysisSettings.parse("""
                # tuning
                exclude:
                  - "generated/**"
                  - legacy/
                disable: [observability.print]
                thresholds:
                  function-lines: 120
                """);
        assertTrue(s.excluded("generated/a/B.java"));
        assertTrue(s.excluded("legacy/x.py"));
        assertFalse(s.excluded("src/x.py"));
        assertFalse(s.enabled("observability.print"));
        assertEquals(120, s.threshold("function-lines"));
    }

    @Test
    void invalidThresholdNamesKeyAndLine() {
        SettingsException e = assertThrows(SettingsException.class, () -> AnalysisSettings.parse("""
                exclude:
                  - a/
                thresholds:
                  function-lines: lots
                """));
        assertEquals("thresholds.function-lines", e.key());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("line 4"));
    }
}
