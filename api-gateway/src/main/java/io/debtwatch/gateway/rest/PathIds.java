package io.debtwatch.gateway.rest;

import io.debtwatch.service.problem.ProblemException;
import java.util.regex.Pattern;

/** Checks ids in paths before anything is forwarded, so a bad id is a 400 naming the parameter. */
public final class PathIds {

    /** Organisation slugs. */
    public static final Pattern ORG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private PathIds() {
    }

    static void org(String org) {
        check("org", org, ORG, "an organisation slug (lowercase letters, digits, hyphens)");
    }

    static void repo(String org, String repoId) {
        org(org);
        check("repoId", repoId, OBJECT_ID, "a repository id (24 lowercase hex characters)");
    }

    static void objectId(String name, String value) {
        check(name, value, OBJECT_ID, "an id of 24 lowercase hex characters");
    }

    static void sha(String sha) {
        check("sha", sha, SHA, "a commit hash (7 to 64 lowercase hex characters)");
    }

    static void token(String name, String value) {
        check(name, value, TOKEN, "an id of letters, digits, '-' and '_'");
    }

    private static void check(String name, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw ProblemException.invalid(name, "expected " + expected);
        }
    }
}
