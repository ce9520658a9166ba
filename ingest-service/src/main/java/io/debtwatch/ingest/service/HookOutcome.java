package io.debtwatch.ingest.service;

import java.util.List;

/**
 * What a push hook did.
 *
 * @param action       {@code pong}, {@code sync} or {@code ignored}
 * @param reason       why, in words
 * @param repositories the repositories whose sync was started
 */
public record HookOutcome(String action, String reason, List<String> repositories) {

    static HookOutcome ignored(String reason) {
        return new HookOutcome("ignored", reason, List.of());
    }
}
