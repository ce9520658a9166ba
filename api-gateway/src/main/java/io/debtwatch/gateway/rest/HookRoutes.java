package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.service.BackendService;
import io.debtwatch.gateway.service.Forwarder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Push hooks from GitHub and GitLab, passed to ingest-service with the raw body and the signature
 * headers untouched: ingest checks the signatures.
 */
@Path("/hooks")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Tag(name = "Push hooks")
public class HookRoutes {

    private static final List<String> GITHUB_HEADERS = List.of("X-Hub-Signature-256", "X-GitHub-Event",
            "X-GitHub-Delivery");
    private static final List<String> GITLAB_HEADERS = List.of("X-Gitlab-Token", "X-Gitlab-Event",
            "X-Gitlab-Event-UUID");

    private final Forwarder forwarder;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    HookRoutes(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @POST
    @Path("/github")
    @Operation(summary = "GitHub push hook, authenticated by X-Hub-Signature-256")
    public Response github(byte[] body) {
        return forwarder.forward(BackendService.INGEST, "POST", uri, headers, body, GITHUB_HEADERS);
    }

    @POST
    @Path("/gitlab")
    @Operation(summary = "GitLab push hook, authenticated by X-Gitlab-Token")
    public Response gitlab(byte[] body) {
        return forwarder.forward(BackendService.INGEST, "POST", uri, headers, body, GITLAB_HEADERS);
    }
}
