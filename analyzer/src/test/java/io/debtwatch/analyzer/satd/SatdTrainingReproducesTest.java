package io.debtwatch.analyzer.satd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.debtwatch.analyzer.RepositoryRoot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retraining on the shared data gives the shipped model's labels. Slow (about 10 s), so it runs only
 *  with -Dsatd.train=true: `./mvnw -q -pl analyzer test -Dtest=SatdTrainingReproducesTest -Dsatd.train=true`. */
class SatdTrainingReproducesTest {

    @Test
    void retrainedModelLabelsLikeTheShippedOne() throws Exception {
        assumeTrue(Boolean.getBoolean("satd.train"), "enable with -Dsatd.train=true");
        Path data = RepositoryRoot.satdData();
        assumeTrue(data != null, "shared/data/satd not found");
        List<SatdTrainer.Example> examples = SatdTrainer.read(data.resolve("maldonado-train.csv"));
        SatdClassifier retrained = SatdTrainer.train(examples, SatdTrainer.BIAS);
        SatdClassifier shipped = SatdClassifier.shipped();
        int differ = 0;
        for (SatdTrainer.Example e : examples.subList(0, 3000)) {
            differ += retrained.classify(e.text()).equals(shipped.classify(e.text())) ? 0 : 1;
        }
        assertEquals(0, differ, "labels that differ between the retrained and the shipped model");
    }
}
