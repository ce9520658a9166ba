package io.debtwatch.scoring.service;

import io.debtwatch.events.FindingSummary;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The findings of a repository's current score: open ones (the most severe of the snapshot) or the
 * ones new in its commit, filtered by category and paged.
 */
@ApplicationScoped
public class FindingsService {

    private final ScoreQueryService scores;

    FindingsService(ScoreQueryService scores) {
        this.scores = scores;
    }

    /** One page of findings and the commit they belong to. */
    public record FindingsPage(CommitScore score, List<FindingSummary> findings, int page, int size, int total) {
    }

    /**
     * @param org      the organisation
     * @param repoId   the repository
     * @param category a category to keep, null for all
     * @param status   {@code open} or {@code new}, null for open
     * @param page     page number from 0
     * @param size     page size, 1 to 500
     * @return the page
     */
    public FindingsPage findings(String org, String repoId, String category, String status, int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw ProblemException.invalid("size", "must be between 1 and 500");
        }
        CommitScore score = scores.score(org, repoId, null);
        List<FindingSummary> all = switch (status == null ? "open" : status) {
            case "open" -> score.topFindings();
            case "new" -> score.newFindings();
            default -> throw ProblemException.invalid("status", "must be one of new, open");
        };
        List<FindingSummary> kept = all.stream().filter(f -> category == null || category.equals(f.category()))
                .toList();
        int from = Math.min(kept.size(), page * size);
        return new FindingsPage(score, kept.subList(from, Math.min(kept.size(), from + size)), page, size,
                kept.size());
    }
}
