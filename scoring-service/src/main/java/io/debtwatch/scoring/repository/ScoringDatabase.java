package io.debtwatch.scoring.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The scoring service's own database; no other service reads it. */
@ApplicationScoped
public class ScoringDatabase {

    private final MongoDatabase database;

    ScoringDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        this.database = client.getDatabase(name);
    }

    public MongoDatabase get() {
        return database;
    }
}
