package io.debtwatch.ingest.service;

import java.util.Set;

/**
 * What a remote repository advertises.
 *
 * @param defaultBranch the branch its HEAD points at, or null for an empty repository
 * @param branches      its branch names
 */
public record RemoteInfo(String defaultBranch, Set<String> branches) {
}
