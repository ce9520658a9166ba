package io.debtwatch.analysis.rest;

import io.debtwatch.analysis.service.FindingsService;
import io.debtwatch.service.problem.Ids;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Drill-down into the stored findings of one analysed commit, for the scoring and gateway side. */
@Path("/api/v1/orgs/{org}/repositories/{repoId}/commits/{sha}/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingsResource {

    private final FindingsService findings;

    FindingsResource(FindingsService findings) {
        this.findings = findings;
    }

    /**
     * @param org      the organisation
     * @param repoId   the repository
     * @param sha      the commit
     * @param category only this category
     * @param page     the page, from 0
     * @param size     the page size
     * @return one page of the snapshot's findings
     */
    @GET
    @Operation(summary = "Every finding of one analysed commit's snapshot, paged")
    public FindingsService.FindingsPage list(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @PathParam("sha") String sha, @QueryParam("category") String category,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return findings.page(Ids.org(org), Ids.repoId(repoId), Ids.sha(sha), category, page, size);
    }
}
