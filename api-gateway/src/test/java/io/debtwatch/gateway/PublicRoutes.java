package io.debtwatch.gateway;

import java.util.List;

/** Every public route under /api/v1/orgs/{org}, with the scope it needs and who serves it. */
final class PublicRoutes {

    static final String REPO = "65f1c0ffee0000000000abcd";
    static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    static final String WEBHOOK = "65f1c0ffee0000000000beef";
    static final String KEY_ID = "65f1c0ffee0000000000f00d";

    /** Who answers a route. */
    enum Server { INGEST, ANALYSIS, SCORING, GATEWAY }

    /**
     * @param method   HTTP method
     * @param template the path as in the OpenAPI document
     * @param scope    the scope it needs
     * @param server   who serves it
     */
    record Route(String method, String template, String scope, Server server) {

        String path(String org) {
            return template.replace("{org}", org).replace("{repoId}", REPO).replace("{sha}", SHA)
                    .replace("{id}", template.contains("/webhooks/") ? WEBHOOK : "job-1")
                    .replace("{deliveryId}", "msg_1").replace("{keyId}", KEY_ID);
        }

        boolean hasBody() {
            return "POST".equals(method) || "PATCH".equals(method);
        }
    }

    static final String ORG = "/api/v1/orgs/{org}";

    static final List<Route> ALL = List.of(
            new Route("POST", ORG + "/repositories", "write", Server.INGEST),
            new Route("GET", ORG + "/repositories", "read", Server.INGEST),
            new Route("GET", ORG + "/repositories/{repoId}", "read", Server.INGEST),
            new Route("PATCH", ORG + "/repositories/{repoId}", "write", Server.INGEST),
            new Route("DELETE", ORG + "/repositories/{repoId}", "write", Server.INGEST),
            new Route("POST", ORG + "/repositories/{repoId}/sync", "write", Server.INGEST),
            new Route("GET", ORG + "/repositories/{repoId}/score", "read", Server.SCORING),
            new Route("GET", ORG + "/repositories/{repoId}/history", "read", Server.SCORING),
            new Route("GET", ORG + "/repositories/{repoId}/commits/{sha}", "read", Server.SCORING),
            new Route("GET", ORG + "/repositories/{repoId}/findings", "read", Server.SCORING),
            new Route("GET", ORG + "/summary", "read", Server.SCORING),
            new Route("GET", ORG + "/trends", "read", Server.SCORING),
            new Route("GET", ORG + "/leaderboard", "read", Server.SCORING),
            new Route("POST", ORG + "/webhooks", "write", Server.SCORING),
            new Route("GET", ORG + "/webhooks", "read", Server.SCORING),
            new Route("GET", ORG + "/webhooks/{id}", "read", Server.SCORING),
            new Route("PATCH", ORG + "/webhooks/{id}", "write", Server.SCORING),
            new Route("DELETE", ORG + "/webhooks/{id}", "write", Server.SCORING),
            new Route("GET", ORG + "/webhooks/{id}/deliveries", "read", Server.SCORING),
            new Route("POST", ORG + "/webhooks/{id}/deliveries/{deliveryId}/redeliver", "write", Server.SCORING),
            new Route("POST", ORG + "/webhooks/{id}/test", "write", Server.SCORING),
            new Route("POST", ORG + "/webhooks/{id}/enable", "write", Server.SCORING),
            new Route("POST", ORG + "/webhooks/{id}/disable", "write", Server.SCORING),
            new Route("POST", ORG + "/webhooks/{id}/rotate-secret", "write", Server.SCORING),
            new Route("GET", ORG + "/webhooks/{id}/deliveries/{deliveryId}", "read", Server.SCORING),
            new Route("POST", ORG + "/reanalysis", "admin", Server.ANALYSIS),
            new Route("GET", ORG + "/reanalysis/{id}", "admin", Server.ANALYSIS),
            new Route("POST", ORG + "/api-keys", "admin", Server.GATEWAY),
            new Route("GET", ORG + "/api-keys", "admin", Server.GATEWAY),
            new Route("GET", ORG + "/api-keys/{keyId}", "admin", Server.GATEWAY),
            new Route("DELETE", ORG + "/api-keys/{keyId}", "admin", Server.GATEWAY));

    /** The push receivers, outside the API-key scheme. */
    static final List<Route> HOOKS = List.of(
            new Route("POST", "/hooks/github", "none", Server.INGEST),
            new Route("POST", "/hooks/gitlab", "none", Server.INGEST));

    private PublicRoutes() {
    }
}
