package io.debtwatch.ingest.service.git;

import java.util.Set;

/**
 * What a remote advertises.
 *
 * @param head     the branch HEAD points at, null when unknown or the repository is empty
 * @param branches the branch names (without {@code refs/heads/})
 */
public record RemoteRefs(String head, Set<String> branches) {
}
