package io.debtwatch.analyzer.satd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.debtwatch.analyzer.RepositoryRoot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped model on the labelled data (located by walking up to shared/data/satd). Training
 *  itself stays out of the test run: SatdTrainer reproduces the model (docs/indicators.md). */
class SatdModelTest {

    @Test
    void shippedModelSeparatesDebtFromOrdinaryComments() throws Exception {
        Path data = RepositoryRoot.satdData();
        assumeTrue(data != null, "shared/data/satd not found beside the repository");
        List<SatdTrainer.Example> examples = SatdTrainer.read(data.resolve("maldonado-train.csv"));
        assertEquals(38568, examples.size());
        SatdClassifier model = SatdClassifier.shipped();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (SatdTrainer.Example e : examples.subList(0, 5000)) {
            boolean actual = !e.label().equals("NONE");
            boolean predicted = !model.classify(e.text()).equals(SatdClassifier.NONE);
            tp += actual && predicted ? 1 : 0;
            fp += !actual && predicted ? 1 : 0;
            fn += actual && !predicted ? 1 : 0;
        }
        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        assertTrue(f1 > 0.75, "in-sample F1 " + f1);
    }

    @Test
    void typesComeFromTheModel() {
        SatdClassifier model = SatdClassifier.shipped();
        assertEquals("NONE", model.classify("Returns the number of users."));
        assertTrue(List.of("DESIGN", "DEFECT", "IMPLEMENTATION", "TEST", "DOCUMENTATION")
                .contains(model.classify("TODO: this is an ugly hack, redesign it")));
    }
}
