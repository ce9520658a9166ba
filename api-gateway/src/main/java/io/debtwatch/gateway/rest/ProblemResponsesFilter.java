package io.debtwatch.gateway.rest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the error responses every operation shares (all RFC 9457 problems, with an example each) to the
 * document, so no operation can forget them; the per-operation annotations describe the successes.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "Problem";

    private static final Map<String, String> API_ERRORS = errors(true);
    private static final Map<String, String> HOOK_ERRORS = errors(false);

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema(PROBLEM_SCHEMA, typed(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem document")
                .addProperty("type", typed(Schema.SchemaType.STRING))
                .addProperty("title", typed(Schema.SchemaType.STRING))
                .addProperty("status", typed(Schema.SchemaType.INTEGER))
                .addProperty("detail", typed(Schema.SchemaType.STRING))
                .addProperty("instance", typed(Schema.SchemaType.STRING))
                .addProperty("errors", typed(Schema.SchemaType.ARRAY)
                        .items(typed(Schema.SchemaType.OBJECT)
                                .addProperty("field", typed(Schema.SchemaType.STRING))
                                .addProperty("message", typed(Schema.SchemaType.STRING)))));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> addErrors(operation, path.startsWith("/hooks/") ? HOOK_ERRORS : API_ERRORS)));
    }

    private static void addErrors(Operation operation, Map<String, String> errors) {
        APIResponses responses = operation.getResponses();
        errors.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(problemContent(Integer.parseInt(status), description)));
            }
        });
    }

    private static Content problemContent(int status, String description) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://debtwatch.io/problems/http-" + status);
        example.put("title", description);
        example.put("status", status);
        example.put("detail", description.toLowerCase(Locale.ROOT));
        example.put("instance", "/api/v1/orgs/acme/repositories");
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))
                .addExample("problem", OASFactory.createExample().value(example));
        return OASFactory.createContent().addMediaType("application/problem+json", media);
    }

    private static Schema typed(Schema.SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }

    private static Map<String, String> errors(boolean apiCall) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid request");
        errors.put("401", apiCall ? "Missing or invalid API key" : "Bad signature");
        if (apiCall) {
            errors.put("403", "The key lacks the scope");
            errors.put("404", "Not found, or another org's");
            errors.put("429", "Rate limit exceeded");
        }
        errors.put("413", "Payload too large");
        errors.put("503", "A service is unavailable");
        return errors;
    }
}
