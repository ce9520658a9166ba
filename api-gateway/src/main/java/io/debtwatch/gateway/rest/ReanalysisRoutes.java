package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.service.BackendService;
import io.debtwatch.gateway.service.Forwarder;
import io.debtwatch.service.problem.Ids;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Re-analysis after an analyzer upgrade, served by analysis-service. */
@Path("/api/v1/orgs/{org}/reanalysis")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Tag(name = "Re-analysis")
public class ReanalysisRoutes {

    private final Forwarder forwarder;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    ReanalysisRoutes(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-analyse the latest commit of each repository, or a whole history")
    public Response start(@PathParam("org") String org, byte[] body) {
        Ids.org(org);
        return forwarder.forward(BackendService.ANALYSIS, "POST", uri, headers, body, List.of());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The progress of a re-analysis")
    public Response progress(@PathParam("org") String org, @PathParam("id") String id) {
        Ids.org(org);
        return forwarder.forward(BackendService.ANALYSIS, "GET", uri, headers, null, List.of());
    }
}
