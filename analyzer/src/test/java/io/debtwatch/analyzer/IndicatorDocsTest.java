package io.debtwatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/indicators.md must be what IndicatorDocs generates from the catalogue; run with
 *  -Ddocs.update=true to rewrite it. */
class IndicatorDocsTest {

    @Test
    void committedDocMatchesTheCatalogue() throws Exception {
        Path doc = RepositoryRoot.find().resolve("docs/indicators.md");
        String generated = IndicatorDocs.render();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(doc, generated);
        }
        assertTrue(Files.exists(doc), "missing " + doc);
        assertEquals(generated, Files.readString(doc), "docs/indicators.md is stale: rerun with -Ddocs.update=true");
        for (Indicator i : Catalogue.ALL) {
            assertTrue(generated.contains("### `" + i.id() + "`"), i.id());
        }
    }
}
