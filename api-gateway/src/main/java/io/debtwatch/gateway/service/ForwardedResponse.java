package io.debtwatch.gateway.service;

/**
 * A service's answer, passed back to the caller.
 *
 * @param status      the HTTP status
 * @param contentType its content type, may be null
 * @param body        the raw body
 * @param location    the Location header, may be null
 */
public record ForwardedResponse(int status, String contentType, byte[] body, String location) {
}
