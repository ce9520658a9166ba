package io.debtwatch.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed configuration of the ingest service, prefix {@code debtwatch.ingest}. */
@ConfigMapping(prefix = "debtwatch.ingest")
public interface IngestConfig {

    /** Folder that holds the bare Git mirrors (one per repository). */
    String dataDir();

    /** Whether local paths and file:// URLs may be registered (local and test profiles only). */
    @WithDefault("false")
    boolean allowLocalRepositories();

    /** Hosts (or host:port) that may resolve to private addresses anyway, such as an internal Git server. */
    Optional<List<String>> urlAllowlist();

    /** Base64 AES key (16, 24 or 32 bytes) that encrypts access tokens and hook secrets at rest. */
    String secretKey();

    /**
     * Push-hook secrets per DebtWatch organisation ({@code debtwatch.ingest.org-hook-secrets."acme"=...}),
     * accepted for every repository of that org besides the repository's own secret, and for
     * organisation-level pings that name no repository.
     */
    Map<String, String> orgHookSecrets();

    /** Largest push-hook body accepted, in bytes. */
    @WithDefault("1048576")
    int maxHookBodyBytes();

    /** The CloudEvents source of what this service publishes. */
    @WithDefault("/debtwatch/ingest")
    String eventSource();

    /** Polling, leases and backoff. */
    Polling polling();

    /** Fetching from remotes. */
    Git git();

    /** SSH remotes. */
    Ssh ssh();

    /** History backfill. */
    Backfill backfill();

    /** Outbox relay to Kafka. */
    Outbox outbox();

    /** Polling, leases and backoff. */
    interface Polling {

        /** Poll interval of a repository that names none. */
        @WithDefault("300")
        int defaultIntervalSeconds();

        /** Smallest poll interval a repository may ask for. */
        @WithDefault("10")
        int minIntervalSeconds();

        /** Largest poll interval a repository may ask for. */
        @WithDefault("86400")
        int maxIntervalSeconds();

        /** Fraction of the interval added at random, so repositories do not all poll at once. */
        @WithDefault("0.1")
        double jitter();

        /** Longest wait after repeated failures. */
        @WithDefault("PT1H")
        Duration maxBackoff();

        /** How long a replica owns a repository's sync before another may take it over. */
        @WithDefault("PT2M")
        Duration leaseDuration();

        /** How many repositories one scheduler tick picks up at most. */
        @WithDefault("20")
        int batchSize();

        /** How often the scheduler looks for due repositories and running backfills. */
        @WithDefault("1s")
        String tick();

        /** Worker threads that fetch and walk repositories. */
        @WithDefault("4")
        int workers();
    }

    /** Fetching from remotes. */
    interface Git {

        /** Network timeout of one fetch, in seconds. */
        @WithDefault("120")
        int fetchTimeoutSeconds();

        /** Largest mirror on disk, in megabytes; a bigger one fails its sync with a clear error. */
        @WithDefault("2048")
        long maxMirrorSizeMb();

        /** Changed files listed per commit before the overflow flag is set. */
        @WithDefault("500")
        int maxChangedFiles();
    }

    /** SSH remotes ({@code ssh://} and {@code git@host:path}). */
    interface Ssh {

        /**
         * OpenSSH known_hosts file that holds the host key of every SSH remote; a host that is not in it,
         * or presents another key, is refused. Unset, no SSH host is trusted. ~/.ssh is never read.
         */
        Optional<String> knownHosts();
    }

    /** History backfill. */
    interface Backfill {

        /** Commits of a {@code last} backfill when the request names no count. */
        @WithDefault("50")
        int defaultCount();

        /** Commits written to the outbox per batch. */
        @WithDefault("200")
        int batchSize();

        /** A backfill waits while more than this many of its events are unsent, so pushes are not stuck behind it. */
        @WithDefault("400")
        int maxPending();
    }

    /** Outbox relay to Kafka. */
    interface Outbox {

        /** How often the relay looks for unsent events when nothing woke it (other replicas, retries). */
        @WithDefault("PT1S")
        Duration interval();

        /** Events sent per relay round. */
        @WithDefault("200")
        int batchSize();

        /** How long one send waits for Kafka's acknowledgement. */
        @WithDefault("PT30S")
        Duration ackTimeout();
    }
}
