package io.debtwatch.gateway.rest;

import io.debtwatch.gateway.service.Scope;

/** The scope each public call needs, from its method and the part of the path after the org. */
final class RouteScopes {

    private RouteScopes() {
    }

    /**
     * @param method HTTP method
     * @param rest   the path after {@code /api/v1/orgs/{org}}, may be null
     * @return the scope the call needs
     */
    static Scope needed(String method, String rest) {
        String tail = rest == null ? "" : rest;
        if (tail.startsWith("/api-keys") || tail.startsWith("/reanalysis")) {
            return Scope.ADMIN;
        }
        return "GET".equals(method) || "HEAD".equals(method) ? Scope.READ : Scope.WRITE;
    }
}
