package io.debtwatch.ingest.rest;

import io.debtwatch.ingest.repository.RepositoryEntity;
import io.debtwatch.ingest.service.RegistryService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The repository registry API, under the same path the gateway serves publicly. */
@Path("/api/v1/orgs/{org}/repositories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "repositories")
public class RepositoryResource {

    private final RegistryService registry;

    public RepositoryResource(RegistryService registry) {
        this.registry = registry;
    }

    @POST
    @Operation(summary = "Register a repository for watching; its history backfill starts at once")
    public Response register(@PathParam("org") String org, RegisterRequest request) {
        RepositoryEntity created = registry.register(org, request);
        return Response.created(URI.create(location(org, created.id()))).entity(RepositoryView.of(created)).build();
    }

    @GET
    @Operation(summary = "List an organisation's repositories, optionally of one team")
    public RepositoryPage list(@PathParam("org") String org, @QueryParam("team") String team,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        List<RepositoryView> items = registry.list(org, team, page, size).stream().map(RepositoryView::of).toList();
        return new RepositoryPage(items, page, size, registry.count(org, team));
    }

    @GET
    @Path("/{repoId}")
    @Operation(summary = "One repository with its sync status and backfill progress")
    public RepositoryView get(@PathParam("org") String org, @PathParam("repoId") String repoId) {
        return RepositoryView.of(registry.get(org, repoId));
    }

    @PATCH
    @Path("/{repoId}")
    @Operation(summary = "Change team, name, branch, poll interval, token or hook secret")
    public RepositoryView patch(@PathParam("org") String org, @PathParam("repoId") String repoId,
            PatchRequest request) {
        return RepositoryView.of(registry.patch(org, repoId, request));
    }

    @DELETE
    @Path("/{repoId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stop watching; recorded scores stay unless purge=true")
    public Response delete(@PathParam("org") String org, @PathParam("repoId") String repoId,
            @QueryParam("purge") @DefaultValue("false") boolean purge) {
        registry.delete(org, repoId, purge);
        return Response.noContent().build();
    }

    @POST
    @Path("/{repoId}/sync")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Fetch now, without waiting for the next poll")
    public Response sync(@PathParam("org") String org, @PathParam("repoId") String repoId) {
        return Response.accepted(RepositoryView.of(registry.syncNow(org, repoId)))
                .location(URI.create(location(org, repoId))).build();
    }

    private static String location(String org, String id) {
        return "/api/v1/orgs/" + org + "/repositories/" + id;
    }
}
