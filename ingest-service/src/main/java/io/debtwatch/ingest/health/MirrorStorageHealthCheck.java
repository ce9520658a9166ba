package io.debtwatch.ingest.health;

import io.debtwatch.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the mirror folder exists and is writable: every sync writes there. */
@Readiness
@ApplicationScoped
public class MirrorStorageHealthCheck implements HealthCheck {

    private final Path dataDir;

    public MirrorStorageHealthCheck(IngestConfig config) {
        this.dataDir = Path.of(config.dataDir());
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Files.createDirectories(dataDir);
            boolean writable = Files.isWritable(dataDir);
            return HealthCheckResponse.named("ingest-mirror-storage").status(writable)
                    .withData("dataDir", dataDir.toAbsolutePath().toString())
                    .withData("usableMb", Files.getFileStore(dataDir).getUsableSpace() / (1024 * 1024)).build();
        } catch (IOException e) {
            return HealthCheckResponse.named("ingest-mirror-storage").down().withData("error", e.getMessage()).build();
        }
    }
}
