package io.debtwatch.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** This replica's name in leases: unique per process, so a restarted replica never mistakes an old lease for its own. */
@ApplicationScoped
public class ReplicaIdentity {

    private final String id;

    public ReplicaIdentity() {
        String host = System.getenv().getOrDefault("HOSTNAME", "ingest");
        this.id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * @return the replica's lease owner name
     */
    public String id() {
        return id;
    }
}
