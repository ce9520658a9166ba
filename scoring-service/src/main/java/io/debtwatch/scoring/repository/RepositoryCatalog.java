package io.debtwatch.scoring.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.debtwatch.events.RepositoryRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import org.bson.Document;

/** What the scoring service knows of each repository from {@code debtwatch.repositories}: team, branch, deletion. */
@ApplicationScoped
public class RepositoryCatalog {

    private final MongoCollection<Document> repositories;

    RepositoryCatalog(ScoringDatabase database) {
        this.repositories = database.collection("repositories");
    }

    /** A repository as the catalog holds it; deletedDay is null while it is watched. */
    public record KnownRepository(String repoId, String org, String team, String defaultBranch, LocalDate deletedDay) {
    }

    /**
     * @param event the registration, applied again harmlessly when redelivered
     */
    public void register(RepositoryRegistered event) {
        repositories.updateOne(Filters.eq("_id", event.repoId()), Updates.combine(
                Updates.set("org", event.org()), Updates.set("team", event.team()),
                Updates.set("defaultBranch", event.defaultBranch()), Updates.setOnInsert("deletedDay", null)),
                new UpdateOptions().upsert(true));
    }

    /**
     * @param repoId the repository
     * @param org    its organisation
     * @param day    the day it was deleted
     * @return true the first time, false when it was already deleted
     */
    public boolean markDeleted(String repoId, String org, LocalDate day) {
        Document existing = repositories.find(Filters.eq("_id", repoId)).first();
        if (existing != null && existing.getString("deletedDay") != null) {
            return false;
        }
        repositories.updateOne(Filters.eq("_id", repoId), Updates.combine(Updates.set("org", org),
                Updates.set("deletedDay", day.toString())), new UpdateOptions().upsert(true));
        return true;
    }

    /**
     * @param repoId the repository
     * @return what is known of it
     */
    public Optional<KnownRepository> find(String repoId) {
        Document d = repositories.find(Filters.eq("_id", repoId)).first();
        if (d == null) {
            return Optional.empty();
        }
        String deleted = d.getString("deletedDay");
        return Optional.of(new KnownRepository(repoId, d.getString("org"), d.getString("team"),
                d.getString("defaultBranch"), deleted == null ? null : LocalDate.parse(deleted)));
    }
}
