package io.debtwatch.scoring.service;

import io.debtwatch.service.problem.ProblemException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A checked query range: from not after to, no longer than the configured maximum, with a known
 * interval. Bad values are RFC 9457 problems naming the parameter.
 */
public record DateRange(LocalDate from, LocalDate to, Buckets.Interval interval) {

    /**
     * @param from     first day, null for {@code to} minus 90 days
     * @param to       last day, null for today
     * @param interval {@code day}, {@code week} or {@code month}, null for day
     * @param maxDays  the longest range allowed
     * @return the range
     */
    public static DateRange of(LocalDate from, LocalDate to, String interval, int maxDays) {
        LocalDate end = to == null ? LocalDate.now(java.time.ZoneOffset.UTC) : to;
        LocalDate start = from == null ? end.minusDays(90) : from;
        if (start.isAfter(end)) {
            throw ProblemException.invalid("from", "must not be after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
            throw ProblemException.invalid("to", "the range may span at most " + maxDays + " days");
        }
        return new DateRange(start, end, interval(interval));
    }

    private static Buckets.Interval interval(String value) {
        if (value == null || value.isBlank()) {
            return Buckets.Interval.DAY;
        }
        try {
            return Buckets.Interval.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("interval", "must be one of day, week, month");
        }
    }
}
