package io.debtwatch.scoring.rest;

import io.debtwatch.scoring.repository.ScoreRepository;
import io.debtwatch.service.problem.Ids;
import io.debtwatch.service.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A repository's current score and the score of any analysed commit. */
@Path("/api/v1/orgs/{org}/repositories/{repoId}")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private final ScoreRepository scores;

    ScoreResource(ScoreRepository scores) {
        this.scores = scores;
    }

    @GET
    @Path("/score")
    @Operation(summary = "The latest score on the default branch, explained")
    public ScoreView current(@PathParam("org") String org, @PathParam("repoId") String repoId) {
        return scores.current(Ids.org(org), Ids.repoId(repoId)).map(ScoreView::of)
                .orElseThrow(() -> ProblemException.notFound("score for repository", repoId));
    }

    @GET
    @Path("/commits/{sha}")
    @Operation(summary = "The score of one analysed commit")
    public ScoreView commit(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @PathParam("sha") String sha) {
        return scores.findCommit(Ids.org(org), Ids.repoId(repoId), Ids.sha(sha)).map(ScoreView::of)
                .orElseThrow(() -> ProblemException.notFound("analysed commit", sha));
    }
}
