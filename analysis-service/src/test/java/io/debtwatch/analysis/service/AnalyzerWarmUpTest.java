package io.debtwatch.analysis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.analyzer.Languages;
import io.debtwatch.analyzer.syntax.TreeSitterNatives;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A Quarkus test so that the grammars' native libraries load in the same class loader as the other tests'. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class AnalyzerWarmUpTest {

    @Test
    void everySampleIsParsedByItsOwnGrammarAndReachesTheCommentClassifier() {
        List<FileAnalysis> results = AnalyzerWarmUp.analyseSamples();

        assertEquals(6, results.size(), "one per grammar, .ts and .tsx apart");
        assertEquals(Languages.TREE_LANGUAGES, results.stream().map(FileAnalysis::language).collect(Collectors.toSet()));
        for (FileAnalysis result : results) {
            assertNull(result.skippedReason(), result.path());
            assertTrue(result.codeLines() > 0, result.path());
            assertFalse(result.findings().isEmpty(), result.path() + " raised no finding, so its rules never ran");
        }
    }

    @Test
    void theServiceRunsOnTheOptimisedTreeSitterLibraryWhenTheAnalyzerJarHoldsOne() {
        AnalyzerWarmUp.analyseSamples();
        String resource = TreeSitterNatives.resource();
        boolean built = resource != null && TreeSitterNatives.class.getResource(resource) != null;
        assertEquals(built, TreeSitterNatives.optimised(), "Quarkus's class loaders keep the analyzer from its library");
    }

    @Test
    void theSampleHistoryDatesEveryDebtCommentItsCommitsAdded() throws Exception {
        // each commit after the first adds one debt comment (the samples' own comments are no admission)
        assertEquals(AnalyzerWarmUp.HISTORY_COMMITS - 1, AnalyzerWarmUp.blameSampleHistory());
    }
}
