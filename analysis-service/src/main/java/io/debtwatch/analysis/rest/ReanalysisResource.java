package io.debtwatch.analysis.rest;

import io.debtwatch.analysis.service.ReanalysisJob;
import io.debtwatch.analysis.service.ReanalysisService;
import io.debtwatch.service.problem.Ids;
import io.debtwatch.service.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal endpoint (admins reach it through the gateway): re-analyse with the current analyzer version. */
@Path("/api/v1/orgs/{org}/reanalysis")
@Produces(MediaType.APPLICATION_JSON)
public class ReanalysisResource {

    private final ReanalysisService reanalysis;

    ReanalysisResource(ReanalysisService reanalysis) {
        this.reanalysis = reanalysis;
    }

    /**
     * What to re-analyse.
     *
     * @param scope  {@code latest} or {@code history}
     * @param repoId one repository, or absent for all of the org's
     */
    public record ReanalysisRequest(String scope, String repoId) {
    }

    /**
     * @param org     the organisation
     * @param request what to re-analyse
     * @param uri     for the Location header
     * @return 202 with the job and its Location
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-analyse the latest commit of each repository, or whole histories")
    public Response start(@PathParam("org") String org, ReanalysisRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("scope", "a body with the scope is required");
        }
        String repoId = request.repoId() == null ? null : Ids.repoId(request.repoId());
        ReanalysisJob job = reanalysis.start(Ids.org(org), request.scope(), repoId);
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id()).build()).build();
    }

    /**
     * @param org the organisation
     * @param id  the job id
     * @return the job with its progress
     */
    @GET
    @Path("{id}")
    @Operation(summary = "Progress of a re-analysis")
    public ReanalysisJob progress(@PathParam("org") String org, @PathParam("id") String id) {
        return reanalysis.progress(Ids.org(org), id);
    }
}
