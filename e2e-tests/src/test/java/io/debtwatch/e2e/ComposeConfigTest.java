package io.debtwatch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml wires the services by environment variables; every variable it sets for one
 * of our services must be one that service's configuration actually reads, or the setting is
 * silently lost in production.
 */
class ComposeConfigTest {

    private static final Path HOME = Path.of(System.getProperty("user.dir")).getParent();
    private static final List<String> OUR_SERVICES = List.of("ingest-service", "analysis-service",
            "scoring-service", "api-gateway");

    @Test
    void everyVariableTheComposeFileSetsIsReadByTheServiceItIsSetFor() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory())
                .readTree(HOME.resolve("docker-compose.yml").toFile()).get("services");
        List<String> unread = new ArrayList<>();
        for (String service : OUR_SERVICES) {
            JsonNode environment = services.path(service).path("environment");
            assertFalse(environment.isMissingNode(), service + " has no environment in docker-compose.yml");
            String config = Files.readString(HOME.resolve(service).resolve("src/main/resources/application.properties"));
            Iterator<Map.Entry<String, JsonNode>> variables = environment.fields();
            while (variables.hasNext()) {
                String name = variables.next().getKey();
                if (!config.contains("${" + name + "}") && !config.contains("${" + name + ":")) {
                    unread.add(service + ": " + name);
                }
            }
        }
        assertEquals(List.of(), unread, "set in docker-compose.yml but read by no configuration property");
    }

    @Test
    void onlyTheGatewayIsPublished() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory())
                .readTree(HOME.resolve("docker-compose.yml").toFile()).get("services");
        for (String service : OUR_SERVICES) {
            boolean published = services.path(service).has("ports");
            assertEquals(service.equals("api-gateway"), published, service + " published ports");
        }
        assertTrue(services.has("kafka") && services.path("kafka").path("image").asText().startsWith("apache/kafka"));
        assertTrue(services.path("mongo").path("image").asText().startsWith("mongo"));
    }
}
