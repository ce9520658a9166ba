package io.debtwatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Positive and negative examples of every file-level indicator in every language it applies to:
 *  each file under src/test/resources/cases starts with "expect: id@line ..." (or "none") and the
 *  analyzer must report exactly those findings. "__" in a file name stands for a directory. */
class IndicatorCasesTest {
    private final Analyzer analyzer = new Analyzer(AnalysisSettings.defaults());

    @TestFactory
    Stream<DynamicTest> everyCaseGivesExactlyItsExpectedFindings() throws IOException, URISyntaxException {
        Path dir = Path.of(IndicatorCasesTest.class.getResource("/cases").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    private void check(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            String header = new String(content, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            String spec = header.substring(header.indexOf("expect:") + "expect:".length()).strip();
            List<String> expected = spec.equals("none") ? List.of() : Arrays.stream(spec.split("\\s+")).sorted().toList();
            String path = file.getFileName().toString().replace("__", "/");
            FileAnalysis result = analyzer.analyzeFile(path, content);
            assertNull(result.skippedReason(), path);
            List<String> actual = result.findings().stream()
                    .filter(f -> !(f.startLine() == 1 && f.indicatorId().startsWith("satd.")))
                    .map(f -> f.indicatorId() + "@" + f.startLine()).sorted().toList();
            assertEquals(expected, actual, path + " " + result.findings());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
