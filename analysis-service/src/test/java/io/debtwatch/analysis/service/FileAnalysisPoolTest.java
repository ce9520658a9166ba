package io.debtwatch.analysis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.analyzer.AnalysisSettings;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GeneratedHistory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files analysed on several threads give what one thread gives, in the order asked. A Quarkus test so
 * that the grammars' native libraries load in the same class loader as the other tests'.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class FileAnalysisPoolTest {

    @TempDir
    Path dir;

    @Test
    void severalThreadsGiveWhatOneGivesInTheOrderAsked() throws Exception {
        Path repo = GeneratedHistory.generate(dir.resolve("repo"), 3);
        Analyzer analyzer = new Analyzer(AnalysisSettings.defaults());
        try (Git git = Git.open(repo.toFile()); ObjectReader reader = git.getRepository().newObjectReader();
                FileAnalysisPool one = new FileAnalysisPool(1, 1_048_576);
                FileAnalysisPool four = new FileAnalysisPool(4, 1_048_576);
                FileAnalysisPool smallFiles = new FileAnalysisPool(4, 1_000)) {
            Map<String, ObjectId> files = reversedTree(git.getRepository());
            assertTrue(files.size() > FileAnalysisPool.READ_AHEAD * 2, "more files than one read-ahead");

            Map<String, FileAnalysis> alone = one.analyseAll(analyzer, reader, files);
            Map<String, FileAnalysis> together = four.analyseAll(analyzer, reader, files);
            assertEquals(new ArrayList<>(files.keySet()), new ArrayList<>(together.keySet()));
            assertEquals(alone, together);
            assertTrue(together.values().stream().anyMatch(f -> !f.findings().isEmpty()));

            Map<String, FileAnalysis> skipped = smallFiles.analyseAll(analyzer, reader, files);
            assertTrue(skipped.values().stream().anyMatch(f -> f.skippedReason() != null
                    && f.skippedReason().startsWith("larger than 1000 bytes")));
        }
    }

    /** Every file of the tip, in reverse path order: the results must keep this order, not sort it. */
    private static Map<String, ObjectId> reversedTree(Repository repository) throws Exception {
        List<Map.Entry<String, ObjectId>> entries = new ArrayList<>();
        RevCommit tip = repository.parseCommit(repository.resolve("HEAD"));
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(tip.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                entries.add(Map.entry(walk.getPathString(), walk.getObjectId(0)));
            }
        }
        Map<String, ObjectId> reversed = new LinkedHashMap<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            reversed.put(entries.get(i).getKey(), entries.get(i).getValue());
        }
        return reversed;
    }
}
