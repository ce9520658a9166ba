package io.debtwatch.cli.up;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the built platform lives in a DebtWatch checkout: each service's packaged Quarkus
 * application. The embedded broker and database server run on the command's own classpath.
 */
public record PlatformLayout(Path home) {

    /**
     * @return the classpath that runs the embedded broker and database server
     */
    public String infraClasspath() {
        return System.getProperty("java.class.path");
    }

    /**
     * @param service the service's module folder, such as {@code ingest-service}
     * @return its runnable jar
     */
    public Path serviceJar(String service) {
        return home.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * @return what is not built yet, empty when everything is there
     */
    public List<Path> missing() {
        List<Path> missing = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.values()) {
            if (!Files.exists(serviceJar(service.module()))) {
                missing.add(serviceJar(service.module()));
            }
        }
        return missing;
    }
}
