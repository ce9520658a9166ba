package io.debtwatch.scoring.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own database; its name comes from {@code quarkus.mongodb.database}. */
@ApplicationScoped
public class ScoringDatabase {

    private final MongoClient client;
    private final String database;

    ScoringDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.client = client;
        this.database = database;
    }

    /**
     * @param name the collection
     * @return the collection in the scoring database
     */
    public MongoCollection<Document> collection(String name) {
        return client.getDatabase(database).getCollection(name);
    }
}
