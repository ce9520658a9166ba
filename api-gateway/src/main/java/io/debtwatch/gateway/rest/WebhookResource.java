package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.service.Backend;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook subscriptions and their deliveries, served by scoring-service. */
@Path("/api/v1/orgs/{org}/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    RequestForwarder forwarder;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to score events; the signing secret is shown once", description = "Needs the write scope.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(
            name = "subscribe", value = "{\"url\": \"https://hooks.example.com/debt\", \"eventTypes\": [\"score.changed\"]}")))
    @APIResponse(responseCode = "201", description = "Subscribed; Location names the subscription", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "subscribed",
                    value = "{\"id\": \"65f1c0ffee0000000000beef\", \"secret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}")))
    public Response subscribe(@PathParam("org") String org, byte[] body) {
        PathIds.org(org);
        return forwarder.forward(Backend.SCORING, body);
    }

    @GET
    @Operation(summary = "List the org's webhook subscriptions", description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "Subscriptions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "list",
                    value = "{\"items\": [" + ApiExamples.WEBHOOK + "]}")))
    public Response list(@PathParam("org") String org) {
        PathIds.org(org);
        return forwarder.forward(Backend.SCORING);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one webhook subscription", description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "webhook", value = ApiExamples.WEBHOOK)))
    public Response get(@PathParam("org") String org, @PathParam("id") String id) {
        check(org, id);
        return forwarder.forward(Backend.SCORING);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a webhook subscription", description = "Needs the write scope.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(
            name = "pause", value = "{\"enabled\": false}")))
    @APIResponse(responseCode = "200", description = "The changed subscription", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "webhook", value = ApiExamples.WEBHOOK)))
    public Response update(@PathParam("org") String org, @PathParam("id") String id, byte[] body) {
        check(org, id);
        return forwarder.forward(Backend.SCORING, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a webhook subscription", description = "Needs the write scope.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("org") String org, @PathParam("id") String id) {
        check(org, id);
        return forwarder.forward(Backend.SCORING);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Delivery attempts, status codes and next retry", description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "Deliveries", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "deliveries",
                    value = "{\"items\": [{\"id\": \"msg_2b7Xk\", \"attempts\": 2, \"lastStatus\": 500, "
                            + "\"nextRetryAt\": \"2026-11-24T10:05:00Z\"}]}")))
    public Response deliveries(@PathParam("org") String org, @PathParam("id") String id) {
        check(org, id);
        return forwarder.forward(Backend.SCORING);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again", description = "Needs the write scope.")
    @APIResponse(responseCode = "202", description = "Queued again", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "queued",
                    value = "{\"id\": \"msg_2b7Xk\", \"status\": \"pending\"}")))
    public Response redeliver(@PathParam("org") String org, @PathParam("id") String id,
            @PathParam("deliveryId") String deliveryId) {
        check(org, id);
        PathIds.token("deliveryId", deliveryId);
        return forwarder.forward(Backend.SCORING);
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a ping event to the subscription", description = "Needs the write scope.")
    @APIResponse(responseCode = "202", description = "Ping queued", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "queued",
                    value = "{\"id\": \"msg_2b7Xl\", \"status\": \"pending\"}")))
    public Response ping(@PathParam("org") String org, @PathParam("id") String id) {
        check(org, id);
        return forwarder.forward(Backend.SCORING);
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Switch a subscription's deliveries on", description = "Needs the write scope.")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "webhook", value = ApiExamples.WEBHOOK)))
    public Response enable(@PathParam("org") String org, @PathParam("id") String id) {
        check(org, id);
        return forwarder.forward(Backend.SCORING);
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Switch a subscription's deliveries off; waiting deliveries are cancelled",
            description = "Needs the write scope.")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "webhook", value = ApiExamples.WEBHOOK)))
    public Response disable(@PathParam("org") String org, @PathParam("id") String id) {
        check(org, id);
        return forwarder.forward(Backend.SCORING);
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "Rotate the signing secret; the old one keeps signing for the overlap",
            description = "Needs the write scope. The new secret is shown this once.")
    @APIResponse(responseCode = "200", description = "The new secret", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rotated",
                    value = "{\"id\": \"65f1c0ffee0000000000beef\", \"secret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}")))
    public Response rotateSecret(@PathParam("org") String org, @PathParam("id") String id,
            @QueryParam("overlapSeconds") Integer overlapSeconds) {
        check(org, id);
        return forwarder.forward(Backend.SCORING);
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with every attempt", description = "Needs the read scope.")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "delivery",
                    value = "{\"id\": \"msg_2b7Xk\", \"status\": \"pending\", \"attempts\": []}")))
    public Response delivery(@PathParam("org") String org, @PathParam("id") String id,
            @PathParam("deliveryId") String deliveryId) {
        check(org, id);
        PathIds.token("deliveryId", deliveryId);
        return forwarder.forward(Backend.SCORING);
    }

    private static void check(String org, String id) {
        PathIds.org(org);
        PathIds.token("id", id);
    }
}
