package io.debtwatch.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.scoring.repository.RollupRepository;
import io.debtwatch.scoring.repository.RollupRepository.Change;
import io.debtwatch.scoring.service.Contribution;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A batch's roll-up changes are written as one increment per document and add up to the same sums. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class RollupBatchTest {

    @Inject
    RollupRepository rollups;

    @Test
    void aBatchOfChangesIsOneUpdatePerDocumentAndReadsBackAsTheChangesAddedOneByOne() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String batched = "batched-" + suffix;
        String oneByOne = "single-" + suffix;
        // values that are exact in binary, so the sums are the same whichever order they are added in
        List<Change> changes = List.of(
                change(batched, null, "2026-01-05", 1.5, 10, Map.of("errors", 0.25)),
                change(batched, null, "2026-01-05", -0.5, -4, Map.of("errors", 0.5)),
                change(batched, null, "2026-01-09", 2.0, 8, Map.of("secrets", 1.0)),
                change(batched, null, "2026-02-01", 4.0, 16, Map.of()),
                change(batched, "core", "2026-01-05", 1.5, 10, Map.of()),
                change(batched, "core", "2026-01-20", 0.75, 2, Map.of()));

        // months: org January and February, team January; totals: org and team
        assertEquals(5, rollups.changes(changes).size());
        rollups.write(rollups.changes(changes));
        changes.forEach(c -> rollups.add(oneByOne, c.team(), c.day(), c.change()));

        for (String kind : List.of(RollupRepository.ORG, "team")) {
            for (LocalDate from : List.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"))) {
                assertEquals(rollups.upTo(oneByOne, kind, from, LocalDate.parse("2026-02-28")),
                        rollups.upTo(batched, kind, from, LocalDate.parse("2026-02-28")), kind + " from " + from);
            }
        }
        assertEquals(List.of("2026-01-05", "2026-01-09", "2026-02-01"), rollups.upTo(batched, RollupRepository.ORG,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-28")).stream().map(d -> d.day()).toList(),
                "the two changes of 5 January summed into one");
    }

    private static Change change(String org, String team, String day, double indexLoc, double loc,
            Map<String, Double> categories) {
        return new Change(org, team, LocalDate.parse(day), new Contribution(indexLoc, loc, 1, categories));
    }
}
