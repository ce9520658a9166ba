package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.service.BackendService;
import io.debtwatch.gateway.service.Forwarder;
import io.debtwatch.service.problem.Ids;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

/** The repository registry, served by ingest-service. */
@Path("/api/v1/orgs/{org}/repositories")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Tag(name = "Repositories")
public class RepositoryRoutes {

    private final Forwarder forwarder;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    RepositoryRoutes(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a repository to watch", description = "Answers 201 with the repository and a Location header.")
    public Response register(@PathParam("org") String org, byte[] body) {
        Ids.org(org);
        return forward("POST", body);
    }

    @GET
    @Operation(summary = "List the organisation's repositories, paged, optionally of one team")
    public Response list(@PathParam("org") String org, @QueryParam("team") String team,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Ids.org(org);
        return forward("GET", null);
    }

    @GET
    @Path("/{repoId}")
    @Operation(summary = "One repository, with its sync status and backfill progress")
    public Response get(@PathParam("org") String org, @PathParam("repoId") String repoId) {
        return forward("GET", null, org, repoId);
    }

    @PATCH
    @Path("/{repoId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a repository's team, name, branch, poll interval or secret")
    public Response patch(@PathParam("org") String org, @PathParam("repoId") String repoId, byte[] body) {
        return forward("PATCH", body, org, repoId);
    }

    @DELETE
    @Path("/{repoId}")
    @Operation(summary = "Stop watching a repository; its history is kept unless purge=true")
    public Response delete(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @QueryParam("purge") Boolean purge) {
        return forward("DELETE", null, org, repoId);
    }

    @POST
    @Path("/{repoId}/sync")
    @Operation(summary = "Fetch the repository now", description = "Answers 202.")
    public Response sync(@PathParam("org") String org, @PathParam("repoId") String repoId) {
        return forward("POST", null, org, repoId);
    }

    private Response forward(String method, byte[] body, String org, String repoId) {
        Ids.org(org);
        Ids.repoId(repoId);
        return forward(method, body);
    }

    private Response forward(String method, byte[] body) {
        return forwarder.forward(BackendService.INGEST, method, uri, headers, body, List.of());
    }
}
