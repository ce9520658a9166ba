package io.debtwatch.cli.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The credentials of a local run, made once and kept in the data folder (readable by the owner
 * only): the internal token the gateway shows the services, and the bootstrap admin API key.
 */
public final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String internalToken;
    private final String bootstrapAdminKey;
    private final boolean adminKeyIsNew;

    private LocalSecrets(String internalToken, String bootstrapAdminKey, boolean adminKeyIsNew) {
        this.internalToken = internalToken;
        this.bootstrapAdminKey = bootstrapAdminKey;
        this.adminKeyIsNew = adminKeyIsNew;
    }

    /**
     * @param dataDir the local run's data folder
     * @return the secrets, made on the first run and read on later ones
     */
    public static LocalSecrets loadOrCreate(Path dataDir) {
        Path keyFile = dataDir.resolve("bootstrap-admin-key");
        boolean isNew = !Files.exists(keyFile);
        return new LocalSecrets(readOrCreate(dataDir.resolve("internal-token"), "dwi_"),
                readOrCreate(keyFile, "dwk_"), isNew);
    }

    public String internalToken() {
        return internalToken;
    }

    public String bootstrapAdminKey() {
        return bootstrapAdminKey;
    }

    /**
     * @return whether this run made the admin key, so it is shown this once
     */
    public boolean adminKeyIsNew() {
        return adminKeyIsNew;
    }

    private static String readOrCreate(Path file, String prefix) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String value = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, value);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep credentials in " + file, e);
        }
    }
}
