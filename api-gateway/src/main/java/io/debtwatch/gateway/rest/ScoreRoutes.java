package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.service.BackendService;
import io.debtwatch.gateway.service.Forwarder;
import io.debtwatch.service.problem.Ids;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scores, history, findings and org-wide views, served by scoring-service. */
@Path("/api/v1/orgs/{org}")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Tag(name = "Scores")
public class ScoreRoutes {

    private final Forwarder forwarder;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    ScoreRoutes(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @Path("/repositories/{repoId}/score")
    @Operation(summary = "The latest score on the default branch, explained")
    public Response score(@PathParam("org") String org, @PathParam("repoId") String repoId) {
        return repository(org, repoId);
    }

    @GET
    @Path("/repositories/{repoId}/history")
    @Operation(summary = "A repository's score over time")
    public Response history(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("interval") String interval) {
        return repository(org, repoId);
    }

    @GET
    @Path("/repositories/{repoId}/commits/{sha}")
    @Operation(summary = "The score and analysis of one commit")
    public Response commit(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @PathParam("sha") String sha) {
        Ids.sha(sha);
        return repository(org, repoId);
    }

    @GET
    @Path("/repositories/{repoId}/findings")
    @Produces({MediaType.APPLICATION_JSON, "application/sarif+json", "application/problem+json"})
    @Operation(summary = "A repository's findings, paged; SARIF 2.1.0 with format=sarif")
    public Response findings(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @QueryParam("category") String category, @QueryParam("status") String status,
            @QueryParam("page") Integer page, @QueryParam("format") String format) {
        return repository(org, repoId);
    }

    @GET
    @Path("/summary")
    @Operation(summary = "The organisation now: index, grade, lines of code, repositories per grade")
    public Response summary(@PathParam("org") String org) {
        return org(org);
    }

    @GET
    @Path("/trends")
    @Operation(summary = "Org-wide debt trends by team, repository or category")
    public Response trends(@PathParam("org") String org, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("interval") String interval,
            @QueryParam("groupBy") String groupBy) {
        return org(org);
    }

    @GET
    @Path("/leaderboard")
    @Operation(summary = "Repositories ranked worst, best, most improved or most regressed")
    public Response leaderboard(@PathParam("org") String org, @QueryParam("order") String order,
            @QueryParam("period") String period) {
        return org(org);
    }

    private Response repository(String org, String repoId) {
        Ids.repoId(repoId);
        return org(org);
    }

    private Response org(String org) {
        Ids.org(org);
        return forwarder.forward(BackendService.SCORING, "GET", uri, headers, null, List.of());
    }
}
