package io.debtwatch.analysis.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The analysis service's own database; no other service reads it. */
@ApplicationScoped
public class AnalysisDatabase {

    private final MongoDatabase database;

    AnalysisDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        this.database = client.getDatabase(name);
    }

    public MongoDatabase get() {
        return database;
    }
}
