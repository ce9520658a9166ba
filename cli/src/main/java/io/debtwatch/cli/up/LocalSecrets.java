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
 * only): the internal token the gateway shows the services, the bootstrap admin API key, and the
 * AES key ingest encrypts repository tokens with.
 */
public final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String internalToken;
    private final String bootstrapAdminKey;
    private final String ingestSecretKey;
    private final boolean adminKeyIsNew;

    private LocalSecrets(String internalToken, String bootstrapAdminKey, String ingestSecretKey,
            boolean adminKeyIsNew) {
        this.internalToken = internalToken;
        this.bootstrapAdminKey = bootstrapAdminKey;
        this.ingestSecretKey = ingestSecretKey;
        this.adminKeyIsNew = adminKeyIsNew;
    }

    /**
     * @param dataDir the local run's data folder
     * @return the secrets, made on the first run and read on later ones
     */
    public static LocalSecrets loadOrCreate(Path dataDir) {
        Path keyFile = dataDir.resolve("bootstrap-admin-key");
        boolean isNew = !Files.exists(keyFile);
        return new LocalSecrets(readOrCreate(dataDir.resolve("internal-token"), "dwi_", false),
                readOrCreate(keyFile, "dwk_", false), readOrCreate(dataDir.resolve("ingest-secret-key"), "", true),
                isNew);
    }

    public String internalToken() {
        return internalToken;
    }

    public String bootstrapAdminKey() {
        return bootstrapAdminKey;
    }

    /**
     * @return the environment every service of the local run gets these secrets in
     */
    public java.util.Map<String, String> environment() {
        return java.util.Map.of("DEBTWATCH_INTERNAL_TOKEN", internalToken,
                "DEBTWATCH_BOOTSTRAP_ADMIN_KEY", bootstrapAdminKey,
                "DEBTWATCH_INGEST_SECRET_KEY", ingestSecretKey);
    }

    /**
     * @return whether this run made the admin key, so it is shown this once
     */
    public boolean adminKeyIsNew() {
        return adminKeyIsNew;
    }

    private static String readOrCreate(Path file, String prefix, boolean standardBase64) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[standardBase64 ? 32 : 24];
            RANDOM.nextBytes(bytes);
            String value = prefix + (standardBase64 ? Base64.getEncoder().encodeToString(bytes)
                    : Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            Files.writeString(file, value);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep credentials in " + file, e);
        }
    }
}
