package io.debtwatch.scoring.rest;

import io.debtwatch.scoring.config.ScoringConfig;
import io.debtwatch.scoring.service.DateRange;
import io.debtwatch.scoring.service.FindingsService;
import io.debtwatch.scoring.service.FindingsService.FindingsPage;
import io.debtwatch.scoring.service.ScoreQueryService;
import io.debtwatch.scoring.service.TrendService;
import io.debtwatch.service.problem.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
    private final TrendService trends;
    private final FindingsService findings;
    private final ScoringConfig config;

    RepositoryScoreResource(ScoreQueryService queries, TrendService trends, FindingsService findings,
            ScoringConfig config) {
        this.queries = queries;
        this.trends = trends;
        this.findings = findings;
        this.config = config;
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

    @GET
    @Path("/history")
    @Operation(summary = "The score per day, ISO week or month; each bucket holds the state at its last day")
    public HistoryView history(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("interval") String interval) {
        DateRange range = DateRange.of(Params.date("from", from), Params.date("to", to), interval,
                config.maxRangeDays());
        queries.score(Params.org(org), repoId, null);
        return new HistoryView(repoId, range.from(), range.to(), range.interval().name().toLowerCase(Locale.ROOT),
                trends.history(org, repoId, range));
    }

    @GET
    @Path("/findings")
    @Produces({MediaType.APPLICATION_JSON, "application/sarif+json"})
    @Operation(summary = "Findings of the current score, open or new, by category, paged; SARIF 2.1.0 with format=sarif")
    public Response findings(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @QueryParam("category") String category, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size,
            @QueryParam("format") String format) {
        FindingsPage result = findings.findings(Params.org(org), repoId, category, status, page, size);
        if ("sarif".equals(format)) {
            return Response.ok(SarifWriter.write(result), "application/sarif+json").build();
        }
        if (format != null && !"json".equals(format)) {
            throw ProblemException.invalid("format", "must be json or sarif");
        }
        return Response.ok(FindingsView.of(result), MediaType.APPLICATION_JSON).build();
    }

    /** A repository's history. */
    public record HistoryView(String repoId, LocalDate from, LocalDate to, String interval,
            List<TrendService.TrendPoint> points) {
    }
}
