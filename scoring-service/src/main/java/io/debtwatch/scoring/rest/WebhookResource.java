package io.debtwatch.scoring.rest;

import io.debtwatch.scoring.repository.WebhookDelivery.Status;
import io.debtwatch.scoring.service.WebhookDeliveryService;
import io.debtwatch.scoring.service.WebhookFanoutService;
import io.debtwatch.scoring.service.WebhookSubscriptionService;
import io.debtwatch.service.problem.ProblemException;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Webhook subscriptions and their deliveries, under {@code /api/v1/orgs/{org}/webhooks}. */
@Path("/api/v1/orgs/{org}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final WebhookSubscriptionService subscriptions;
    private final WebhookDeliveryService deliveries;
    private final WebhookFanoutService fanout;

    public WebhookResource(WebhookSubscriptionService subscriptions, WebhookDeliveryService deliveries,
            WebhookFanoutService fanout) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.fanout = fanout;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("org") String org, WebhookRequest request, UriInfo uri) {
        WebhookView created = WebhookView.of(subscriptions.create(org, body(request).toSpec()), true);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    public Map<String, List<WebhookView>> list(@PathParam("org") String org) {
        return Map.of("items", subscriptions.list(org).stream().map(s -> WebhookView.of(s, false)).toList());
    }

    @GET
    @Path("{id}")
    public WebhookView get(@PathParam("org") String org, @PathParam("id") String id) {
        return WebhookView.of(subscriptions.get(org, id), false);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public WebhookView update(@PathParam("org") String org, @PathParam("id") String id, WebhookRequest request) {
        return WebhookView.of(subscriptions.update(org, id, body(request).toSpec()), false);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("org") String org, @PathParam("id") String id) {
        subscriptions.delete(org, id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/enable")
    public WebhookView enable(@PathParam("org") String org, @PathParam("id") String id) {
        return WebhookView.of(subscriptions.setEnabled(org, id, true, null), false);
    }

    @POST
    @Path("{id}/disable")
    public WebhookView disable(@PathParam("org") String org, @PathParam("id") String id) {
        return WebhookView.of(subscriptions.setEnabled(org, id, false, "disabled through the API"), false);
    }

    @POST
    @Path("{id}/rotate-secret")
    public WebhookView rotate(@PathParam("org") String org, @PathParam("id") String id,
            @QueryParam("overlapSeconds") Long overlapSeconds) {
        Duration overlap = overlapSeconds == null ? null : Duration.ofSeconds(overlapSeconds);
        return WebhookView.of(subscriptions.rotateSecret(org, id, overlap), true);
    }

    @POST
    @Path("{id}/test")
    public Response ping(@PathParam("org") String org, @PathParam("id") String id) {
        return Response.accepted(WebhookDeliveryView.of(fanout.ping(subscriptions.get(org, id)))).build();
    }

    @GET
    @Path("{id}/deliveries")
    public Map<String, List<WebhookDeliveryView>> deliveries(@PathParam("org") String org, @PathParam("id") String id,
            @QueryParam("status") String status, @QueryParam("limit") @DefaultValue("50") int limit) {
        return Map.of("items", deliveries.list(org, id, status(status), limit).stream()
                .map(WebhookDeliveryView::of).toList());
    }

    @GET
    @Path("{id}/deliveries/{deliveryId}")
    public WebhookDeliveryView delivery(@PathParam("org") String org, @PathParam("id") String id,
            @PathParam("deliveryId") String deliveryId) {
        return WebhookDeliveryView.of(deliveries.get(org, id, deliveryId));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    public Response redeliver(@PathParam("org") String org, @PathParam("id") String id,
            @PathParam("deliveryId") String deliveryId) {
        return Response.accepted(WebhookDeliveryView.of(deliveries.redeliver(org, id, deliveryId))).build();
    }

    private static WebhookRequest body(WebhookRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        return request;
    }

    private static Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of pending, delivering, succeeded, dead, cancelled");
        }
    }
}
