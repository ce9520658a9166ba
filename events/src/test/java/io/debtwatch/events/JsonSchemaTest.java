package io.debtwatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas under {@code src/main/resources/schemas} are generated from the records. This test
 * fails when a record changed without its schema; run it with {@code -Dschemas.update=true} to rewrite them.
 */
class JsonSchemaTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");

    @Test
    void schemasMatchTheRecords() throws IOException {
        boolean update = Boolean.getBoolean("schemas.update");
        SchemaGenerator generator = generator();
        for (Record sample : SampleEvents.all()) {
            Class<?> type = sample.getClass();
            ObjectNode schema = generator.generateSchema(type);
            schema.put("$id", "https://debtwatch.io/schemas/" + type.getSimpleName() + ".schema.json");
            schema.put("title", type.getSimpleName());
            String expected = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
            Path file = SCHEMAS.resolve(type.getSimpleName() + ".schema.json");
            if (update) {
                Files.createDirectories(SCHEMAS);
                Files.writeString(file, expected);
            }
            assertTrue(Files.exists(file), file + " is missing: run ./mvnw -pl events test -Dschemas.update=true");
            assertEquals(expected, Files.readString(file),
                    file + " is out of date: run ./mvnw -pl events test -Dschemas.update=true");
        }
    }

    @Test
    void everySampleCarriesEveryFieldItsSchemaNames() throws IOException {
        for (Record sample : SampleEvents.all()) {
            Path file = SCHEMAS.resolve(sample.getClass().getSimpleName() + ".schema.json");
            JsonNode schema = EventJson.mapper().readTree(file.toFile());
            JsonNode json = EventJson.mapper().readTree(EventJson.write(sample));
            Iterator<Map.Entry<String, JsonNode>> properties = schema.get("properties").fields();
            while (properties.hasNext()) {
                String name = properties.next().getKey();
                assertTrue(json.has(name), sample.getClass().getSimpleName() + " JSON lacks " + name);
            }
        }
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(EventJson.mapper(),
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .without(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        config.forTypesInGeneral().withStringFormatResolver(
                scope -> scope.getType().isInstanceOf(java.time.Instant.class) ? "date-time" : null);
        config.forFields().withRequiredCheck(field -> field.getDeclaredName().equals("eventId"));
        return new SchemaGenerator(config.build());
    }
}
