package io.debtwatch.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.debtwatch.gateway.service.ApiKey;
import io.debtwatch.gateway.service.ApiKeyService;
import io.debtwatch.gateway.service.Scope;
import io.debtwatch.service.problem.FieldError;
import io.debtwatch.service.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API keys of an org, served by the gateway itself; admin scope only. */
@Path("/api/v1/orgs/{org}/api-keys")
@Tag(name = "API keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private static final String KEY_EXAMPLE = "{\"id\": \"65f1c0ffee0000000000f00d\", \"name\": \"ci\", "
            + "\"prefix\": \"dwk_Q2hhbmdl\", \"scopes\": [\"read\"], \"createdAt\": \"2026-11-24T09:00:00Z\", "
            + "\"lastUsedAt\": \"2026-11-24T10:00:00Z\"}";

    @Inject
    ApiKeyService keys;

    @Inject
    UriInfo uri;

    /**
     * The body of a key request.
     *
     * @param name   what the key is for
     * @param scopes read, write and/or admin
     */
    @Schema(name = "CreateApiKey")
    public record CreateApiKey(@Schema(required = true, maxLength = 100, examples = "ci") String name,
            @Schema(required = true, examples = "[\"read\"]") List<String> scopes) {
    }

    /**
     * A key as listed: never the key itself.
     *
     * @param id         its id
     * @param name       what it is for
     * @param prefix     its first characters
     * @param scopes     what it may do
     * @param createdAt  when it was made
     * @param lastUsedAt when it was last used (to the minute)
     * @param revokedAt  when it was revoked
     * @param key        the key itself, only in the answer to its creation
     */
    @Schema(name = "ApiKey")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiKeyView(String id, String name, String prefix, List<String> scopes, Instant createdAt,
            Instant lastUsedAt, Instant revokedAt, String key) {

        static ApiKeyView of(ApiKey key, String secret) {
            return new ApiKeyView(key.id(), key.name(), key.prefix(), key.scopes().stream().sorted()
                    .map(Scope::apiName).toList(), key.createdAt(), key.lastUsedAt(), key.revokedAt(), secret);
        }
    }

    /**
     * A page of keys.
     *
     * @param items the org's keys, newest first
     */
    public record ApiKeyList(List<ApiKeyView> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key; the key is in this answer only", description = "Needs the admin scope. The operator's "
            + "bootstrap key may also issue the first keys of an org that has no key yet (onboarding).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateApiKey.class), examples = @ExampleObject(name = "read-only key",
                    value = "{\"name\": \"ci\", \"scopes\": [\"read\"]}")))
    @APIResponse(responseCode = "201", description = "Created; store the key now, it is not shown again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class),
                    examples = @ExampleObject(name = "created", value = "{\"id\": \"65f1c0ffee0000000000f00d\", "
                            + "\"name\": \"ci\", \"prefix\": \"dwk_Q2hhbmdl\", \"scopes\": [\"read\"], "
                            + "\"createdAt\": \"2026-11-24T09:00:00Z\", "
                            + "\"key\": \"dwk_Q2hhbmdlIHRoaXMgZXhhbXBsZSBrZXkgcGxlYXNlIQ\"}")))
    public Response create(@PathParam("org") String org, CreateApiKey body) {
        PathIds.org(org);
        if (body == null) {
            throw ProblemException.invalid("body", "a JSON object with name and scopes is needed");
        }
        ApiKeyService.IssuedKey issued = keys.issue(org, checkedName(body.name()), checkedScopes(body.scopes()));
        return Response.created(uri.getAbsolutePathBuilder().path(issued.stored().id()).build())
                .entity(ApiKeyView.of(issued.stored(), issued.key())).build();
    }

    @GET
    @Operation(summary = "List the org's API keys (prefix, name, scopes, created, last used)",
            description = "Needs the admin scope. The operator's "
            + "bootstrap key may also issue the first keys of an org that has no key yet (onboarding).")
    @APIResponse(responseCode = "200", description = "The keys", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiKeyList.class), examples = @ExampleObject(name = "keys",
                    value = "{\"items\": [" + KEY_EXAMPLE + "]}")))
    public ApiKeyList list(@PathParam("org") String org) {
        PathIds.org(org);
        return new ApiKeyList(keys.list(org).stream().map(key -> ApiKeyView.of(key, null)).toList());
    }

    @GET
    @Path("/{keyId}")
    @Operation(summary = "Get one API key", description = "Needs the admin scope. The operator's "
            + "bootstrap key may also issue the first keys of an org that has no key yet (onboarding).")
    @APIResponse(responseCode = "200", description = "The key", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiKeyView.class), examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
    public ApiKeyView get(@PathParam("org") String org, @PathParam("keyId") String keyId) {
        PathIds.org(org);
        PathIds.objectId("keyId", keyId);
        return ApiKeyView.of(keys.get(org, keyId), null);
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(summary = "Revoke an API key; it stops working at once", description = "Needs the admin scope. The operator's "
            + "bootstrap key may also issue the first keys of an org that has no key yet (onboarding).")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("org") String org, @PathParam("keyId") String keyId) {
        PathIds.org(org);
        PathIds.objectId("keyId", keyId);
        keys.revoke(org, keyId);
        return Response.noContent().build();
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.invalid("name", "a name of 1 to 100 characters is needed");
        }
        return name.strip();
    }

    private static Set<Scope> checkedScopes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ProblemException.invalid("scopes", "at least one of read, write, admin is needed");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String field = "scopes[" + i + "]";
            Scope.parse(name).ifPresentOrElse(scopes::add,
                    () -> errors.add(new FieldError(field, "unknown scope '" + name + "'; use read, write or admin")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return scopes;
    }
}
