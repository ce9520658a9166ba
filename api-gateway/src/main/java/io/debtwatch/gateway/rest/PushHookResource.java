package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.service.Backend;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Push receivers for GitHub and GitLab. They carry no API key: ingest-service checks their signature, so
 * the raw body and headers go through untouched.
 */
@Path("/hooks")
@Tag(name = "Push hooks")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirements
public class PushHookResource {

    @Inject
    RequestForwarder forwarder;

    @POST
    @Path("/github")
    @Operation(summary = "GitHub push events, authenticated by X-Hub-Signature-256")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(
            name = "push", value = "{\"ref\": \"refs/heads/main\", \"after\": \"9fceb02d0ae598e95dc970b74767f19372d61af8\", "
                    + "\"repository\": {\"clone_url\": \"https://github.com/acme/payments.git\"}}")))
    @APIResponse(responseCode = "202", description = "Accepted; a fetch follows", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "accepted",
                    value = "{\"repositories\": 1}")))
    public Response github(byte[] body) {
        return forwarder.forwardRaw(Backend.INGEST, body);
    }

    @POST
    @Path("/gitlab")
    @Operation(summary = "GitLab push events, authenticated by X-Gitlab-Token")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(
            name = "push", value = "{\"object_kind\": \"push\", \"ref\": \"refs/heads/main\", "
                    + "\"project\": {\"git_http_url\": \"https://gitlab.com/acme/payments.git\"}}")))
    @APIResponse(responseCode = "202", description = "Accepted; a fetch follows", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "accepted",
                    value = "{\"repositories\": 1}")))
    public Response gitlab(byte[] body) {
        return forwarder.forwardRaw(Backend.INGEST, body);
    }
}
