package io.debtwatch.ingest.service;

import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.RepositoryDeleted;
import io.debtwatch.events.RepositoryRegistered;
import io.debtwatch.events.RepositorySyncFailed;
import io.debtwatch.events.Topics;
import io.debtwatch.ingest.repository.OutboxEvent;
import io.debtwatch.ingest.repository.RepositoryEntity;
import io.debtwatch.ingest.service.git.CommitFacts;
import java.time.Instant;

/** Maps repositories and commits to the events the outbox sends, in one place. */
final class OutboxEvents {

    private OutboxEvents() {
    }

    static OutboxEvent commit(RepositoryEntity repo, CommitFacts facts, boolean backfill) {
        CommitDiscovered event = new CommitDiscovered(EventIds.commit(repo.id(), facts.sha()), repo.id(), repo.org(),
                repo.team(), repo.url(), repo.defaultBranch(), facts.sha(), facts.parents(), facts.authorName(),
                facts.committedAt(), facts.message(), facts.changedFiles(), facts.overflow(), backfill,
                facts.depth());
        return OutboxEvent.of(event.eventId(), Topics.COMMITS, repo.id(), EventTypes.COMMIT_DISCOVERED,
                repo.org() + "/" + repo.id() + "/" + facts.sha(), EventJson.write(event), repo.id(), backfill);
    }

    static OutboxEvent registered(RepositoryEntity repo) {
        RepositoryRegistered event = RepositoryRegistered.of(repo.id(), repo.org(), repo.team(), repo.name(),
                repo.url(), repo.defaultBranch(), repo.createdAt());
        return OutboxEvent.of(event.eventId(), Topics.REPOSITORIES, repo.id(), EventTypes.REPOSITORY_REGISTERED,
                repo.org() + "/" + repo.id(), EventJson.write(event), repo.id(), false);
    }

    static OutboxEvent deleted(RepositoryEntity repo, boolean purge, Instant now) {
        RepositoryDeleted event = RepositoryDeleted.of(repo.id(), repo.org(), purge, now);
        return OutboxEvent.of(event.eventId(), Topics.REPOSITORIES, repo.id(), EventTypes.REPOSITORY_DELETED,
                repo.org() + "/" + repo.id(), EventJson.write(event), repo.id(), false);
    }

    static OutboxEvent syncFailed(RepositoryEntity repo, String error, int failures, Instant now) {
        RepositorySyncFailed event = RepositorySyncFailed.of(repo.id(), repo.org(), repo.team(), repo.url(), error,
                failures, now);
        return OutboxEvent.of(event.eventId(), Topics.SCORE_EVENTS, repo.id(), EventTypes.REPOSITORY_SYNC_FAILED,
                repo.org() + "/" + repo.id(), EventJson.write(event), repo.id(), false);
    }
}
