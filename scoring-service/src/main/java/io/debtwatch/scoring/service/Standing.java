package io.debtwatch.scoring.service;

/** Where one repository stands on a day: what the summary and the leaderboard rank. */
public record Standing(String repoId, String team, double index, String grade, long linesOfCode) {
}
