package io.debtwatch.scoring.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.debtwatch.events.RepositoryRegistered;
import io.debtwatch.service.mongo.ByIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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
        return Optional.ofNullable(repositories.find(Filters.eq("_id", repoId)).first()).map(RepositoryCatalog::known);
    }

    /**
     * @param repoIds repositories
     * @return what is known of those the catalog holds, by id, in one read by {@code _id}
     */
    public Map<String, KnownRepository> findAll(Collection<String> repoIds) {
        Map<String, KnownRepository> found = new HashMap<>();
        for (Document d : ByIds.find(repositories, repoIds)) {
            found.put(d.getString("_id"), known(d));
        }
        return found;
    }

    private static KnownRepository known(Document d) {
        String deleted = d.getString("deletedDay");
        return new KnownRepository(d.getString("_id"), d.getString("org"), d.getString("team"),
                d.getString("defaultBranch"), deleted == null ? null : LocalDate.parse(deleted));
    }
}
