package io.debtwatch.ingest.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own MongoDB database ({@code quarkus.mongodb.database}), shared by its repositories. */
@ApplicationScoped
public class IngestDatabase {

    private final MongoDatabase database;

    public IngestDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        this.database = client.getDatabase(name);
    }

    /**
     * @return the database
     */
    public MongoDatabase get() {
        return database;
    }
}
