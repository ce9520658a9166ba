package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.service.Backend;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Re-analysis of an org's repositories, served by analysis-service; admin scope only. */
@Path("/api/v1/orgs/{org}/reanalysis")
@Tag(name = "Re-analysis")
@Produces(MediaType.APPLICATION_JSON)
public class ReanalysisResource {

    @Inject
    RequestForwarder forwarder;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Analyse the org's repositories again, with the current indicator catalogue",
            description = "Needs the admin scope.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(
            name = "one repository", value = "{\"repoIds\": [\"65f1c0ffee0000000000abcd\"]}")))
    @APIResponse(responseCode = "202", description = "Started; Location names the job", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "started",
                    value = ApiExamples.REANALYSIS)))
    public Response start(@PathParam("org") String org, byte[] body) {
        PathIds.org(org);
        return forwarder.forward(Backend.ANALYSIS, body);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of a re-analysis", description = "Needs the admin scope.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "job", value = ApiExamples.REANALYSIS)))
    public Response get(@PathParam("org") String org, @PathParam("id") String id) {
        PathIds.org(org);
        PathIds.token("id", id);
        return forwarder.forward(Backend.ANALYSIS);
    }
}
