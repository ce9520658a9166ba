package io.debtwatch.ingest.rest;

import io.debtwatch.ingest.service.HookOutcome;
import io.debtwatch.ingest.service.HookService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Push-hook receivers. The body is read raw: the GitHub signature is over the exact bytes sent.
 * A push that starts a sync is a 202; anything ignored or a ping is a 200.
 */
@Path("/hooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "hooks")
public class HookResource {

    private final HookService hooks;

    public HookResource(HookService hooks) {
        this.hooks = hooks;
    }

    @POST
    @Path("/github")
    @Operation(summary = "GitHub push hook, authenticated by X-Hub-Signature-256")
    public Response github(@HeaderParam("X-GitHub-Event") String event,
            @HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        return respond(hooks.github(event, signature, body));
    }

    @POST
    @Path("/gitlab")
    @Operation(summary = "GitLab push hook, authenticated by X-Gitlab-Token")
    public Response gitlab(@HeaderParam("X-Gitlab-Event") String event, @HeaderParam("X-Gitlab-Token") String token,
            byte[] body) {
        return respond(hooks.gitlab(event, token, body));
    }

    private static Response respond(HookOutcome outcome) {
        return Response.status(outcome.action().equals("sync") ? 202 : 200).entity(outcome).build();
    }
}
