package io.debtwatch.scoring.rest;

import io.debtwatch.events.FindingSummary;
import io.debtwatch.scoring.service.FindingsService.FindingsPage;
import java.util.List;

/** A page of findings as the API shows it. */
public record FindingsView(String repoId, String sha, List<FindingSummary> items, int page, int size, int total) {

    static FindingsView of(FindingsPage page) {
        return new FindingsView(page.score().repoId(), page.score().sha(), page.findings(), page.page(), page.size(),
                page.total());
    }
}
