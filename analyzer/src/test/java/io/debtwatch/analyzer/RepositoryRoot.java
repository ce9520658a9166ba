package io.debtwatch.analyzer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the directory with mvnw and docs/) and the shared data beside it,
 *  walking up from the module directory. */
public final class RepositoryRoot {
    private RepositoryRoot() {
    }

    public static Path find() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("docs"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    /** The nearest shared/data/satd above the module directory, or null. */
    public static Path satdData() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/satd");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
