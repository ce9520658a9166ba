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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Score webhook subscriptions and their deliveries, served by scoring-service. */
@Path("/api/v1/orgs/{org}/webhooks")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Tag(name = "Webhooks")
public class WebhookRoutes {

    private final Forwarder forwarder;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    WebhookRoutes(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to score events; the secret is shown once")
    public Response create(@PathParam("org") String org, byte[] body) {
        return forward("POST", org, body);
    }

    @GET
    @Operation(summary = "List the organisation's webhook subscriptions")
    public Response list(@PathParam("org") String org) {
        return forward("GET", org, null);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One webhook subscription")
    public Response get(@PathParam("org") String org, @PathParam("id") String id) {
        return forward("GET", org, null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change, enable, disable or rotate the secret of a subscription")
    public Response patch(@PathParam("org") String org, @PathParam("id") String id, byte[] body) {
        return forward("PATCH", org, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription")
    public Response delete(@PathParam("org") String org, @PathParam("id") String id) {
        return forward("DELETE", org, null);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Deliveries with their attempts, status codes and next retry")
    public Response deliveries(@PathParam("org") String org, @PathParam("id") String id) {
        return forward("GET", org, null);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again, dead-lettered ones included")
    public Response redeliver(@PathParam("org") String org, @PathParam("id") String id,
            @PathParam("deliveryId") String deliveryId) {
        return forward("POST", org, null);
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a ping event")
    public Response test(@PathParam("org") String org, @PathParam("id") String id) {
        return forward("POST", org, null);
    }

    private Response forward(String method, String org, byte[] body) {
        Ids.org(org);
        return forwarder.forward(BackendService.SCORING, method, uri, headers, body, List.of());
    }
}
