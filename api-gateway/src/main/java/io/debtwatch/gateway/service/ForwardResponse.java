package io.debtwatch.gateway.service;

import java.util.List;
import java.util.Map;

/**
 * A service's answer, to pass back to the client.
 *
 * @param status  HTTP status
 * @param headers the headers worth passing back
 * @param body    the raw body
 */
public record ForwardResponse(int status, Map<String, List<String>> headers, byte[] body) {
}
