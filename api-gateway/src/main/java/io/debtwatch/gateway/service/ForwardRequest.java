package io.debtwatch.gateway.service;

import java.util.List;
import java.util.Map;

/**
 * One request to pass on to a service, as the client sent it.
 *
 * @param method  HTTP method
 * @param path    the request path, the same on the service
 * @param query   the raw query string, or null
 * @param headers headers to pass on (already filtered)
 * @param body    the raw body, empty when there is none
 */
public record ForwardRequest(String method, String path, String query, Map<String, List<String>> headers,
        byte[] body) {

    /** @return whether the call may be repeated safely */
    public boolean idempotentRead() {
        return "GET".equals(method);
    }
}
