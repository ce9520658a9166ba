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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The org-wide summary, trends and leaderboard, served by scoring-service. */
@Path("/api/v1/orgs/{org}")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class OrgReportResource {

    @Inject
    RequestForwarder forwarder;

    @GET
    @Path("/summary")
    @Operation(summary = "The org now: index, grade, lines of code, repositories per grade",
            description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "summary",
                    value = ApiExamples.SUMMARY)))
    public Response summary(@PathParam("org") String org,
            @Parameter(description = "the state at the end of this date (ISO-8601) instead of now")
            @QueryParam("asOf") String asOf) {
        PathIds.org(org);
        return forwarder.forward(Backend.SCORING);
    }

    @GET
    @Path("/trends")
    @Operation(summary = "Index over time, grouped by team, repository or category", description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "One series per group (the org when not grouped), one point per "
            + "bucket: its label (a day 2026-11-30, an ISO week 2026-W48 or a month 2026-11), the LOC-weighted index "
            + "and its grade at the bucket's last day (null before anything was scored), lines of code and "
            + "repositories. Week and month points also give start and end, the bucket's days clipped to the range; "
            + "a day point is its own start and end and leaves them out.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "trends",
                    value = ApiExamples.TRENDS)))
    public Response trends(@PathParam("org") String org,
            @Parameter(description = "from this date (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "up to this date (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "day, week or month", schema = @Schema(enumeration = { "day", "week",
                    "month" })) @QueryParam("interval") String interval,
            @Parameter(description = "team, repo or category", schema = @Schema(enumeration = { "team", "repo",
                    "category" })) @QueryParam("groupBy") String groupBy) {
        PathIds.org(org);
        return forwarder.forward(Backend.SCORING);
    }

    @GET
    @Path("/leaderboard")
    @Operation(summary = "Repositories ranked by debt or by change", description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "The ranking: per entry the index now (or asOf), the index "
            + "period days before (null when the repository had none then) and the change between them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "leaderboard",
                    value = ApiExamples.LEADERBOARD)))
    public Response leaderboard(@PathParam("org") String org,
            @Parameter(description = "worst, best, improved or regressed", schema = @Schema(enumeration = {
                    "worst", "best", "improved", "regressed" })) @QueryParam("order") String order,
            @Parameter(description = "period such as 30d") @QueryParam("period") String period,
            @Parameter(description = "the state at the end of this date (ISO-8601) instead of now")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "how many entries, 1 to 100 (default 10)") @QueryParam("limit") String limit) {
        PathIds.org(org);
        return forwarder.forward(Backend.SCORING);
    }
}
