package io.debtwatch.gateway.service;

import java.util.Map;

/**
 * A public request on its way to a service.
 *
 * @param method      the HTTP method
 * @param pathAndQuery the path and query string, unchanged
 * @param contentType the request's content type, may be null
 * @param body        the raw body, empty for none
 * @param headers     extra headers to pass on (push-hook signatures, request id)
 */
public record ForwardedRequest(String method, String pathAndQuery, String contentType, byte[] body,
        Map<String, String> headers) {
}
