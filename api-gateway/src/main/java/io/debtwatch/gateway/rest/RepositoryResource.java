package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.service.Backend;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registered repositories, served by ingest-service. */
@Path("/api/v1/orgs/{org}/repositories")
@Tag(name = "Repositories")
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryResource {

    @Inject
    RequestForwarder forwarder;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a repository to watch", description = "Needs the write scope.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(
            name = "register", value = "{\"url\": \"https://github.com/acme/payments.git\", \"team\": \"payments\"}")))
    @APIResponse(responseCode = "201", description = "Registered; Location names the repository",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "registered",
                    value = ApiExamples.REPOSITORY)))
    public Response register(@PathParam("org") String org, byte[] body) {
        PathIds.org(org);
        return forwarder.forward(Backend.INGEST, body);
    }

    @GET
    @Operation(summary = "List the org's repositories", description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "A page of repositories",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page",
                    value = "{\"items\": [" + ApiExamples.REPOSITORY + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    public Response list(@PathParam("org") String org,
            @Parameter(description = "only this team's repositories") @QueryParam("team") String team,
            @Parameter(description = "page number, from 0", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("page") String page,
            @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("size") String size) {
        PathIds.org(org);
        return forwarder.forward(Backend.INGEST);
    }

    @GET
    @Path("/{repoId}")
    @Operation(summary = "Get one repository with its sync status and backfill progress",
            description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "The repository", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "repository",
                    value = ApiExamples.REPOSITORY)))
    public Response get(@PathParam("org") String org, @PathParam("repoId") String repoId) {
        PathIds.repo(org, repoId);
        return forwarder.forward(Backend.INGEST);
    }

    @PATCH
    @Path("/{repoId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a repository's team, name, branch, poll interval or secret",
            description = "Needs the write scope.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(
            name = "change team", value = "{\"team\": \"platform\"}")))
    @APIResponse(responseCode = "200", description = "The changed repository", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "repository",
                    value = ApiExamples.REPOSITORY)))
    public Response update(@PathParam("org") String org, @PathParam("repoId") String repoId, byte[] body) {
        PathIds.repo(org, repoId);
        return forwarder.forward(Backend.INGEST, body);
    }

    @DELETE
    @Path("/{repoId}")
    @Operation(summary = "Stop watching a repository", description = "History is kept unless purge=true. "
            + "Needs the write scope.")
    @APIResponse(responseCode = "204", description = "No longer watched")
    public Response delete(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @Parameter(description = "also delete the history", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("purge") String purge) {
        PathIds.repo(org, repoId);
        return forwarder.forward(Backend.INGEST);
    }

    @POST
    @Path("/{repoId}/sync")
    @Operation(summary = "Fetch the repository now", description = "Needs the write scope.")
    @APIResponse(responseCode = "202", description = "Sync requested", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "accepted",
                    value = "{\"repoId\": \"65f1c0ffee0000000000abcd\", \"status\": \"queued\"}")))
    public Response sync(@PathParam("org") String org, @PathParam("repoId") String repoId) {
        PathIds.repo(org, repoId);
        return forwarder.forward(Backend.INGEST);
    }
}
