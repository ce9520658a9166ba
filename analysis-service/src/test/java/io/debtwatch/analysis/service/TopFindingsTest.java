package io.debtwatch.analysis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TopFindingsTest {

    private static final List<String> SEVERITIES = List.of("critical", "major", "minor", "info", "unknown");
    private static final List<String> INDICATORS = List.of("errors.swallowed", "secrets.hardcoded", "satd.todo");

    @Test
    void theMergedListIsTheStableSortOfEveryProductionFindingCutAtTheLimit() {
        Random random = new Random(42);
        TopFindings top = new TopFindings();
        for (int round = 0; round < 200; round++) {
            List<FileAnalysis> files = new ArrayList<>();
            int fileCount = random.nextInt(30);
            for (int i = 0; i < fileCount; i++) {
                String path = "src/m" + random.nextInt(4) + "/F" + i + ".java";
                files.add(new FileAnalysis(path, "java", 100, false, null, Set.of(), findings(random, path)));
            }
            files.sort((a, b) -> a.path().compareTo(b.path()));
            List<Finding> repository = findings(random, "");
            int limit = 1 + random.nextInt(60);

            List<Finding> all = new ArrayList<>(Findings.production(files, repository));
            all.sort(Findings.SEVERITY_ORDER);
            List<Finding> expected = all.subList(0, Math.min(limit, all.size()));

            assertEquals(expected, top.of(files, repository, limit), "round " + round);
            assertEquals(expected, top.of(files, repository, limit), "round " + round + ", the file results seen before");
        }
    }

    @Test
    void aChildsTopFromItsParentsIsTheTopOfAllItsFiles() {
        Random random = new Random(7);
        TopFindings fromParents = new TopFindings();
        TopFindings fromFiles = new TopFindings();
        int derived = 0;
        for (int history = 0; history < 20; history++) {
            int limit = 1 + random.nextInt(40);
            TreeMap<String, FileAnalysis> files = new TreeMap<>();
            String parentId = null;
            for (int commit = 0; commit < 60; commit++) {
                List<FileAnalysis> removed = new ArrayList<>();
                TreeMap<String, FileAnalysis> added = new TreeMap<>();
                for (int change = 0, n = commit == 0 ? 25 : 1 + random.nextInt(3); change < n; change++) {
                    String path = "src/F" + random.nextInt(40) + ".java";
                    FileAnalysis before = files.remove(path);
                    if (before != null && added.remove(path) == null) {
                        removed.add(before);
                    }
                    if (random.nextInt(5) > 0) {
                        FileAnalysis after = new FileAnalysis(path, "java", 100, false, null, Set.of(),
                                findings(random, path));
                        files.put(path, after);
                        added.put(path, after);
                    }
                }
                List<Finding> repository = findings(random, "");
                String id = "repo:" + history + ":" + commit + ":default";
                List<FileAnalysis> all = List.copyOf(files.values());

                List<Finding> expected = fromFiles.of(all, repository, limit);
                assertEquals(expected, fromParents.of(id, parentId, all, removed, List.copyOf(added.values()),
                        repository, limit), "history " + history + ", commit " + commit);
                derived += parentId == null ? 0 : 1;
                parentId = id;
            }
        }
        assertEquals(20 * 59, derived);
    }

    @Test
    void aFileResultUsedAgainGivesTheSameListAndTestCodeNeverCounts() {
        Finding test = new Finding("errors.swallowed", "errors", "critical", "src/a.py", 1, 1, "m", 5, "s", "fp-test",
                true);
        Finding minor = new Finding("satd.todo", "satd", "minor", "src/a.py", 9, 9, "m", 5, "s", "fp-minor", false);
        Finding major = new Finding("satd.todo", "satd", "major", "src/b.py", 3, 3, "m", 5, "s", "fp-major", false);
        FileAnalysis a = new FileAnalysis("src/a.py", "python", 10, false, null, Set.of(), List.of(test, minor));
        FileAnalysis b = new FileAnalysis("src/b.py", "python", 10, false, null, Set.of(), List.of(major));
        TopFindings top = new TopFindings();

        assertEquals(List.of(major, minor), top.of(List.of(a, b), List.of(), 10));
        assertEquals(List.of(major, minor), top.of(List.of(a, b), List.of(), 10));
        assertEquals(List.of(major), top.of(List.of(a, b), List.of(), 1));
        assertEquals(List.of(), top.of(List.of(a, b), List.of(), 0));
    }

    private static List<Finding> findings(Random random, String path) {
        List<Finding> findings = new ArrayList<>();
        int count = random.nextInt(12);
        for (int i = 0; i < count; i++) {
            // few distinct lines, so equal keys within one file are common and stability is checked
            findings.add(new Finding(INDICATORS.get(random.nextInt(INDICATORS.size())), "c",
                    SEVERITIES.get(random.nextInt(SEVERITIES.size())), path, random.nextInt(5), 0, "m" + i, 5, "s",
                    "fp" + i, random.nextInt(5) == 0));
        }
        return findings;
    }
}
