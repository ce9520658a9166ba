package io.debtwatch.ingest.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The ingest service's own database; no other service reads it. */
@ApplicationScoped
public class IngestDatabase {

    private final MongoDatabase database;

    IngestDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        this.database = client.getDatabase(name);
    }

    public MongoDatabase get() {
        return database;
    }
}
