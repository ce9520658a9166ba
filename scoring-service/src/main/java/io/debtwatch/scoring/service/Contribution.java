package io.debtwatch.scoring.service;

import java.util.HashMap;
import java.util.Map;

/**
 * What one repository adds to a roll-up: its index and category scores weighted by its lines of
 * code, its lines of code, and one repository. Roll-ups divide the sums by the lines of code, so
 * a large repository weighs more than a small one and grades are never averaged.
 */
public record Contribution(double indexLoc, double loc, int repositories, Map<String, Double> categoryLoc) {

    /** Nothing: a repository before its first point or after its deletion. */
    public static final Contribution NONE = new Contribution(0, 0, 0, Map.of());

    /**
     * @param point a repository's point
     * @return what it contributes
     */
    public static Contribution of(DailyPoint point) {
        Map<String, Double> categories = new HashMap<>();
        point.categoryScores().forEach((k, v) -> categories.put(k, v * point.linesOfCode()));
        return new Contribution(point.index() * point.linesOfCode(), point.linesOfCode(), 1, categories);
    }

    /**
     * @return the same contribution with the opposite sign
     */
    public Contribution negate() {
        Map<String, Double> categories = new HashMap<>();
        categoryLoc.forEach((k, v) -> categories.put(k, -v));
        return new Contribution(-indexLoc, -loc, -repositories, categories);
    }

    /**
     * @param other another contribution
     * @return the sum
     */
    public Contribution plus(Contribution other) {
        // team sums carry no categories: a trend adds thousands of them, so skip copying empty maps
        Map<String, Double> categories = other.categoryLoc.isEmpty() ? categoryLoc : new HashMap<>(categoryLoc);
        other.categoryLoc.forEach((k, v) -> categories.merge(k, v, Double::sum));
        return new Contribution(indexLoc + other.indexLoc, loc + other.loc, repositories + other.repositories,
                categories);
    }

    /**
     * @return the LOC-weighted index, null when there are no lines of code
     */
    public Double weightedIndex() {
        return loc <= 0 ? null : Math.round(indexLoc / loc * 10.0) / 10.0;
    }
}
