package io.debtwatch.scoring.rest;

import io.debtwatch.scoring.service.ScoreQueryService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One repository's scores: current (or as of a day) and per commit. */
@Path("/api/v1/orgs/{org}/repositories/{repoId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
public class RepositoryScoreResource {

    private final ScoreQueryService queries;

    RepositoryScoreResource(ScoreQueryService queries) {
        this.queries = queries;
    }

    @GET
    @Path("/score")
    @Operation(summary = "The latest score on the default branch, explained; with asOf, the score in effect that day")
    public ScoreView score(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @QueryParam("asOf") String asOf) {
        return ScoreView.of(queries.score(Params.org(org), repoId, Params.date("asOf", asOf)));
    }

    @GET
    @Path("/commits/{sha}")
    @Operation(summary = "The score of one commit")
    public ScoreView commit(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @PathParam("sha") String sha) {
        return ScoreView.of(queries.commit(Params.org(org), repoId, sha));
    }
}
