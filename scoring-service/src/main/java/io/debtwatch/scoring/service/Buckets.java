package io.debtwatch.scoring.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

/**
 * The time buckets every point is stored with: day, ISO week and month as UTC text. They are written
 * with each document because the local MongoDB-wire server has no {@code $dateTrunc}.
 */
public final class Buckets {

    private Buckets() {
    }

    /**
     * @param at an instant
     * @return its UTC day
     */
    public static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * @param day a day
     * @return its ISO week, such as {@code 2026-W01} (2025-12-29 is in 2026-W01)
     */
    public static String week(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * @param day a day
     * @return its month, such as {@code 2026-01}
     */
    public static String month(LocalDate day) {
        return String.format("%04d-%02d", day.getYear(), day.getMonthValue());
    }

    /**
     * @param day      a day
     * @param interval {@code day}, {@code week} or {@code month}
     * @return the label of the bucket the day falls in
     */
    public static String bucket(LocalDate day, Interval interval) {
        return switch (interval) {
            case DAY -> day.toString();
            case WEEK -> week(day);
            case MONTH -> month(day);
        };
    }

    /** The bucket sizes of history and trend queries. */
    public enum Interval {
        DAY, WEEK, MONTH
    }
}
