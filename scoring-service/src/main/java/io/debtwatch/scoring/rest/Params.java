package io.debtwatch.scoring.rest;

import io.debtwatch.service.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Checks of path and query parameters shared by the resources; a bad one is a 400 problem naming it. */
final class Params {

    private static final Pattern ORG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    private Params() {
    }

    static String org(String org) {
        if (org == null || !ORG.matcher(org).matches()) {
            throw ProblemException.invalid("org", "must match " + ORG.pattern());
        }
        return org;
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date like 2026-01-31");
        }
    }
}
