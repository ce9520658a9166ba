package io.debtwatch.ingest.service;

import static io.debtwatch.ingest.IngestTestSupport.awaitRepository;
import static io.debtwatch.ingest.IngestTestSupport.commits;
import static io.debtwatch.ingest.IngestTestSupport.register;
import static io.debtwatch.ingest.IngestTestSupport.registered;
import static io.debtwatch.ingest.IngestTestSupport.repositoryWithOneCommit;
import static io.debtwatch.ingest.IngestTestSupport.syncNow;
import static io.debtwatch.ingest.IngestTestSupport.trustSshHost;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.ingest.GitSshServer;
import io.debtwatch.ingest.StallingProxy;
import io.debtwatch.ingest.service.git.MirrorService;
import io.debtwatch.testsupport.GitFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two limits on a fetch, with a tiny size limit and a short timeout: an oversized mirror fails
 * its sync and is removed from disk; a remote that stops answering fails within the timeout; other
 * repositories go on syncing.
 */
@QuarkusTest
@TestProfile(MirrorLimitsTest.TightLimits.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class MirrorLimitsTest {

    private static final String ORG = "limits";
    private static final int TIMEOUT_SECONDS = 3;

    /** A 1 MB mirror limit and a 3 s fetch timeout. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("debtwatch.ingest.git.max-mirror-size-mb", "1",
                    "debtwatch.ingest.git.fetch-timeout-seconds", String.valueOf(TIMEOUT_SECONDS));
        }
    }

    @TempDir
    Path dir;

    @Inject
    MirrorService mirrors;

    @Test
    void anOversizedMirrorFailsClearlyAndIsRemovedFromDisk() throws Exception {
        GitFixture big = GitFixture.init(dir.resolve("big"));
        big.write("a.txt", "small").commit("c1");
        GitFixture small = GitFixture.init(dir.resolve("small"));
        small.write("a.txt", "1").commit("c1");
        String bigId = registered(ORG, Map.of("url", big.dir().toString(), "team", "t", "pollIntervalSeconds", 86400,
                "backfill", Map.of("policy", "none")));
        String smallId = registered(ORG, Map.of("url", small.dir().toString(), "team", "t",
                "pollIntervalSeconds", 86400, "backfill", Map.of("policy", "none")));
        awaitRepository(ORG, bigId, r -> "ok".equals(r.getString("sync.status")));
        assertThat(Files.isDirectory(mirrors.mirrorDir(bigId)), is(true));

        // 3 MB of random base64 stays above 2 MB however it is packed
        byte[] noise = new byte[3 * 1024 * 1024 * 3 / 4];
        new Random(42).nextBytes(noise);
        RevCommit huge = big.write("blob.txt", Base64.getEncoder().encodeToString(noise)).commit("a large file");
        big.close();
        syncNow(ORG, bigId);
        JsonPath failing = awaitRepository(ORG, bigId, r -> "failing".equals(r.getString("sync.status")));
        assertThat(failing.getString("sync.lastError"), containsString("over the limit of 1 MB"));
        assertThat(failing.getString("sync.lastError"), containsString("the mirror was removed from disk"));
        assertThat(Files.exists(mirrors.mirrorDir(bigId)), is(false));
        assertThat(commits(bigId, 1, Duration.ofSeconds(3)).stream().anyMatch(c -> c.sha().equals(huge.name())),
                is(false));

        RevCommit next = small.write("a.txt", "2").commit("c2");
        small.close();
        syncNow(ORG, smallId);
        assertThat(commits(smallId, 1).get(0).sha(), equalTo(next.name()));
    }

    @Test
    void aRemoteThatStopsAnsweringTimesOutWhileOthersGoOn() throws Exception {
        KeyPair key = GitSshServer.newKeyPair();
        Path hanging = repositoryWithOneCommit(dir.resolve("hanging"));
        GitFixture healthy = GitFixture.init(dir.resolve("healthy"));
        healthy.write("a.txt", "1").commit("c1");
        try (GitSshServer server = GitSshServer.start().serve("hanging.git", hanging)
                .authorize(key.getPublic());
                StallingProxy proxy = StallingProxy.forwardingTo(server.port())) {
            trustSshHost(server.knownHostsLine(proxy.port()));
            String hangingId = registered(ORG, Map.of("url", "ssh://git@127.0.0.1:" + proxy.port() + "/hanging.git",
                    "team", "t", "pollIntervalSeconds", 86400, "backfill", Map.of("policy", "none"),
                    "sshPrivateKey", GitSshServer.openSshText(key)));
            String healthyId = registered(ORG, Map.of("url", healthy.dir().toString(), "team", "t",
                    "pollIntervalSeconds", 86400, "backfill", Map.of("policy", "none")));
            awaitRepository(ORG, hangingId, r -> "ok".equals(r.getString("sync.status")));
            awaitRepository(ORG, healthyId, r -> "ok".equals(r.getString("sync.status")));

            proxy.stall();
            long started = System.nanoTime();
            syncNow(ORG, hangingId);
            RevCommit next = healthy.write("a.txt", "2").commit("c2");
            syncNow(ORG, healthyId);
            assertThat(commits(healthyId, 1).get(0).sha(), equalTo(next.name()));

            JsonPath failing = awaitRepository(ORG, hangingId, r -> "failing".equals(r.getString("sync.status")));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(failing.getString("sync.lastError"), containsString("did not answer within "
                    + TIMEOUT_SECONDS + " s"));
            System.out.printf("stalled SSH remote reported failing after %d ms (fetch timeout %d s)%n",
                    took.toMillis(), TIMEOUT_SECONDS);
        } finally {
            healthy.close();
        }
    }

    @Test
    void registeringARemoteThatNeverAnswersTimesOut() throws Exception {
        try (StallingProxy silent = StallingProxy.silent()) {
            register(ORG, Map.of("url", "https://127.0.0.1:" + silent.port() + "/acme/app.git", "team", "t"))
                    .statusCode(400).body("errors", hasSize(1)).body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("did not answer within " + TIMEOUT_SECONDS + " s"));
        }
    }
}
