package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.service.Backend;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A repository's scores, history, commits and findings, served by scoring-service. */
@Path("/api/v1/orgs/{org}/repositories/{repoId}")
@Tag(name = "Scores")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    @Inject
    RequestForwarder forwarder;

    @GET
    @Path("/score")
    @Operation(summary = "Latest score on the default branch, explained", description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "The score", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "score", value = ApiExamples.SCORE)))
    public Response score(@PathParam("org") String org, @PathParam("repoId") String repoId) {
        PathIds.repo(org, repoId);
        return forwarder.forward(Backend.SCORING);
    }

    @GET
    @Path("/history")
    @Operation(summary = "Score history in time buckets", description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "Buckets", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "history",
                    value = "{\"interval\": \"week\", \"points\": [{\"bucket\": \"2026-W46\", \"index\": 13.0}]}")))
    public Response history(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @Parameter(description = "from this date (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "up to this date (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "day, week or month", schema = @Schema(enumeration = { "day", "week",
                    "month" })) @QueryParam("interval") String interval) {
        PathIds.repo(org, repoId);
        return forwarder.forward(Backend.SCORING);
    }

    @GET
    @Path("/commits/{sha}")
    @Operation(summary = "Score and analysis of one commit", description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "The commit's score", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "commit", value = ApiExamples.SCORE)))
    public Response commit(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @PathParam("sha") String sha) {
        PathIds.repo(org, repoId);
        PathIds.sha(sha);
        return forwarder.forward(Backend.SCORING);
    }

    @GET
    @Path("/findings")
    @Operation(summary = "Findings of the latest analysis; SARIF with format=sarif", description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "A page of findings", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "findings",
                    value = "{\"items\": [{\"category\": \"satd\", \"path\": \"src/Pay.java\", \"line\": 42, "
                            + "\"status\": \"new\"}], \"page\": 0}")))
    public Response findings(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @Parameter(description = "indicator category") @QueryParam("category") String category,
            @Parameter(description = "new or open", schema = @Schema(enumeration = { "new", "open" }))
            @QueryParam("status") String status,
            @Parameter(description = "page number, from 0", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("page") String page,
            @Parameter(description = "sarif for a SARIF 2.1.0 log", schema = @Schema(enumeration = { "json",
                    "sarif" })) @QueryParam("format") String format) {
        PathIds.repo(org, repoId);
        return forwarder.forward(Backend.SCORING);
    }
}
