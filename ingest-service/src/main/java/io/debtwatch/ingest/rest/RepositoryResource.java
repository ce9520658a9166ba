package io.debtwatch.ingest.rest;

import io.debtwatch.ingest.repository.RepositoryStore;
import io.debtwatch.ingest.service.RepositoryService;
import io.debtwatch.ingest.repository.WatchedRepository;
import io.debtwatch.service.problem.Ids;
import io.debtwatch.service.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The repository registry: register, list, get and sync now. */
@Path("/api/v1/orgs/{org}/repositories")
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryResource {

    private final RepositoryService service;
    private final RepositoryStore store;

    RepositoryResource(RepositoryService service, RepositoryStore store) {
        this.service = service;
        this.store = store;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a repository to watch")
    public Response register(@PathParam("org") String org, RegisterRepositoryRequest request) {
        WatchedRepository repository = service.register(org, request);
        // a path, not an absolute URL: this service's own host is internal; the gateway answers for it
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/v1/orgs/" + org + "/repositories/" + repository.id())
                .entity(RepositoryView.of(repository)).build();
    }

    @GET
    @Operation(summary = "List the organisation's repositories, paged, optionally of one team")
    public RepositoryPage list(@PathParam("org") String org, @QueryParam("team") String team,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Ids.org(org);
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > 100) {
            throw ProblemException.invalid("size", "must be between 1 and 100");
        }
        return new RepositoryPage(store.list(org, team, page, size).stream().map(RepositoryView::of).toList(), page,
                size, store.count(org, team));
    }

    @GET
    @Path("/{repoId}")
    @Operation(summary = "One repository with its sync status and backfill progress")
    public RepositoryView get(@PathParam("org") String org, @PathParam("repoId") String repoId) {
        return RepositoryView.of(service.get(org, repoId));
    }

    @POST
    @Path("/{repoId}/sync")
    @Operation(summary = "Fetch the repository now")
    public Response sync(@PathParam("org") String org, @PathParam("repoId") String repoId) {
        return Response.accepted(RepositoryView.of(service.requestSync(org, repoId))).build();
    }
}
