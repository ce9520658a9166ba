package io.debtwatch.cli.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `debtwatch scan --format sarif` validates against the official SARIF 2.1.0 schema
 *  (oasis-tcs/sarif-spec, Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json, test resource). */
class SarifSchemaTest {

    @TempDir
    Path dir;

    private static Schema schema() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    @Test
    void scanOutputIsValidSarif() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/app.py"), """
                import os
                password = "supersecret99"
                # TODO: retry when the store is down
                def load(path):
                    try:
                        return open(path).read()
                    except:
                        pass
                    os.system("cat " + path)
                """);
        ScanCommandTest.Run run = ScanCommandTest.run("scan", dir.toString(), "--format", "sarif");
        assertEquals(0, run.exit(), run.err());
        List<Error> errors = schema().validate(run.out(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(run.out().contains("\"ruleId\" : \"security.shell-command-string\""), run.out());
        assertTrue(run.out().contains("\"ruleId\" : \"readiness.readme\""), run.out());
    }

    @Test
    void theSchemaRejectsWhatIsNotSarif() throws Exception {
        List<Error> errors = schema().validate("{\"version\": \"2.0.0\", \"runs\": [{\"results\": []}]}", InputFormat.JSON);
        assertFalse(errors.isEmpty());
    }
}
