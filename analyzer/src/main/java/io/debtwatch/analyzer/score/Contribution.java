package io.debtwatch.analyzer.score;

/** How many index points one indicator adds. */
public record Contribution(String indicatorId, String category, double points) {
}
