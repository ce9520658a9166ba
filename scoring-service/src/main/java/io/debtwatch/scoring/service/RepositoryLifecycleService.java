package io.debtwatch.scoring.service;

import io.debtwatch.events.RepositoryDeleted;
import io.debtwatch.events.RepositoryRegistered;
import io.debtwatch.scoring.repository.CurrentScoreRepository;
import io.debtwatch.scoring.repository.RepositoryCatalog;
import io.debtwatch.scoring.repository.ScoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;

/** Applies registrations and deletions: a deleted repository leaves the roll-ups from its deletion day on. */
@ApplicationScoped
public class RepositoryLifecycleService {

    private final RepositoryCatalog catalog;
    private final RollupService rollups;
    private final CurrentScoreRepository current;
    private final ScoreRepository scores;

    RepositoryLifecycleService(RepositoryCatalog catalog, RollupService rollups, CurrentScoreRepository current,
            ScoreRepository scores) {
        this.catalog = catalog;
        this.rollups = rollups;
        this.current = current;
        this.scores = scores;
    }

    /**
     * @param event a registration; applying it again changes nothing
     */
    public void registered(RepositoryRegistered event) {
        catalog.register(event);
    }

    /**
     * @param event a deletion; applying it again changes nothing
     */
    public void deleted(RepositoryDeleted event) {
        LocalDate day = Buckets.day(event.deletedAt() == null ? Instant.now() : event.deletedAt());
        if (!catalog.markDeleted(event.repoId(), event.org(), day)) {
            return;
        }
        if (event.purge()) {
            rollups.firstDay(event.repoId()).ifPresent(first -> rollups.delete(event.repoId(), first));
            rollups.purge(event.repoId());
            current.delete(event.repoId());
            scores.deleteRepository(event.repoId());
        } else {
            rollups.delete(event.repoId(), day);
            current.markDeleted(event.repoId());
        }
    }
}
