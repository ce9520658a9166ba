package io.debtwatch.service.problem;

import java.util.regex.Pattern;

/** The shapes of the ids in public paths; anything else is a 400 naming the parameter. */
public final class Ids {

    private static final Pattern ORG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final Pattern REPO_ID = Pattern.compile("^[0-9a-f]{24}$");
    private static final Pattern SHA = Pattern.compile("^[0-9a-f]{40}$");

    private Ids() {
    }

    /**
     * @param org an organisation slug from a path
     * @return the slug
     * @throws ProblemException 400 naming {@code org}
     */
    public static String org(String org) {
        return require(org, ORG, "org", "must be a lowercase slug (letters, digits, dashes)");
    }

    /**
     * @param repoId a repository id from a path
     * @return the id
     * @throws ProblemException 400 naming {@code repoId}
     */
    public static String repoId(String repoId) {
        return require(repoId, REPO_ID, "repoId", "must be 24 lowercase hex characters");
    }

    /**
     * @param sha a commit id from a path
     * @return the id
     * @throws ProblemException 400 naming {@code sha}
     */
    public static String sha(String sha) {
        return require(sha, SHA, "sha", "must be a full commit id, 40 lowercase hex characters");
    }

    private static String require(String value, Pattern pattern, String field, String message) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw ProblemException.invalid(field, message);
        }
        return value;
    }
}
