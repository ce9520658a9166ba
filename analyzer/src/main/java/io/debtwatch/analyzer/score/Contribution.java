package io.debtwatch.analyzer.score;

/**
 * How many points of the index one indicator accounts for.
 *
 * @param indicatorId the indicator
 * @param category    its category
 * @param points      its share of the index
 */
public record Contribution(String indicatorId, String category, double points) {
}
