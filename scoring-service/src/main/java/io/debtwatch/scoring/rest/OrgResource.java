package io.debtwatch.scoring.rest;

import io.debtwatch.scoring.config.ScoringConfig;
import io.debtwatch.scoring.service.DateRange;
import io.debtwatch.scoring.service.OrgOverviewService;
import io.debtwatch.scoring.service.TrendService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation's summary, trends and leaderboard. */
@Path("/api/v1/orgs/{org}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "organisation")
public class OrgResource {

    private final OrgOverviewService overview;
    private final TrendService trends;
    private final ScoringConfig config;

    OrgResource(OrgOverviewService overview, TrendService trends, ScoringConfig config) {
        this.overview = overview;
        this.trends = trends;
        this.config = config;
    }

    @GET
    @Path("/summary")
    @Operation(summary = "The org now (or asOf a day): LOC-weighted index, grade, LOC, repositories per grade")
    public OrgOverviewService.Summary summary(@PathParam("org") String org, @QueryParam("asOf") String asOf) {
        return overview.summary(Params.org(org), Params.date("asOf", asOf));
    }

    @GET
    @Path("/trends")
    @Operation(summary = "LOC-weighted trends per day, ISO week or month, grouped by team, repo or category")
    public TrendsView trends(@PathParam("org") String org, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("interval") String interval,
            @QueryParam("groupBy") String groupBy) {
        DateRange range = DateRange.of(Params.date("from", from), Params.date("to", to), interval,
                config.maxRangeDays());
        return new TrendsView(Params.org(org), range.from(), range.to(),
                range.interval().name().toLowerCase(Locale.ROOT), groupBy == null ? "org" : groupBy,
                trends.trends(org, range, groupBy));
    }

    @GET
    @Path("/leaderboard")
    @Operation(summary = "Repositories ranked worst, best, most improved or most regressed over a period")
    public LeaderboardView leaderboard(@PathParam("org") String org, @QueryParam("order") String order,
            @QueryParam("period") @DefaultValue("30d") String period, @QueryParam("asOf") String asOf,
            @QueryParam("limit") @DefaultValue("10") int limit) {
        LocalDate day = Params.date("asOf", asOf);
        return new LeaderboardView(Params.org(org), order == null ? "worst" : order, period, day,
                overview.leaderboard(org, order, period, day, limit));
    }

    /** Trend series of one query. */
    public record TrendsView(String org, LocalDate from, LocalDate to, String interval, String groupBy,
            List<TrendService.Series> series) {
    }

    /** Leaderboard rows of one query. */
    public record LeaderboardView(String org, String order, String period, LocalDate asOf,
            List<OrgOverviewService.LeaderboardEntry> entries) {
    }
}
