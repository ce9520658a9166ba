package io.debtwatch.ingest.service;

import static io.debtwatch.ingest.IngestTestSupport.awaitRepository;
import static io.debtwatch.ingest.IngestTestSupport.commits;
import static io.debtwatch.ingest.IngestTestSupport.location;
import static io.debtwatch.ingest.IngestTestSupport.register;
import static io.debtwatch.ingest.IngestTestSupport.registered;
import static io.debtwatch.ingest.IngestTestSupport.repositoryWithOneCommit;
import static io.debtwatch.ingest.IngestTestSupport.syncNow;
import static io.debtwatch.ingest.IngestTestSupport.trustSshHost;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.ingest.GitSshServer;
import io.debtwatch.testsupport.GitFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.bson.Document;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories behind a real SSH server (Apache MINA SSHD serving JGit's upload-pack): the key is
 * registered through the API, kept encrypted, never shown or logged; host keys come only from the
 * configured known_hosts; a refused key is a clear error on the repository while others go on.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class SshTransportTest {

    private static final String ORG = "ssh-org";

    @TempDir
    Path dir;

    @Inject
    MongoClient mongo;

    @Test
    void commitsArriveOverSshWithTheKeyKeptSecret() throws Exception {
        KeyPair key = GitSshServer.newKeyPair();
        String keyText = GitSshServer.openSshText(key);
        GitFixture git = GitFixture.init(dir.resolve("over-ssh"));
        RevCommit c1 = git.write("App.java", "class App {}").commit("c1");
        RevCommit c2 = git.write("App.java", "class App { int x; }").commit("c2");
        try (GitSshServer server = GitSshServer.start().serve("repo.git", git.dir()).authorize(key.getPublic())) {
            trustSshHost(server.knownHostsLine(server.port()));
            String url = "ssh://git@127.0.0.1:" + server.port() + "/repo.git";
            String id = registered(ORG, Map.of("url", url, "team", "t", "pollIntervalSeconds", 86400,
                    "sshPrivateKey", keyText));
            assertThat(commits(id, 2).stream().map(CommitDiscovered::sha).toList(),
                    containsInAnyOrder(c1.name(), c2.name()));

            RevCommit c3 = git.write("App.java", "class App { int y; }").commit("c3");
            syncNow(ORG, id);
            awaitRepository(ORG, id, r -> c3.name().equals(r.getString("sync.lastCommit")));
            assertThat(commits(id, 3).stream().map(CommitDiscovered::sha).toList(),
                    containsInAnyOrder(c1.name(), c2.name(), c3.name()));

            String body = given().get(location(ORG, id)).then().statusCode(200).body("hasSshKey", equalTo(true))
                    .body("hasAccessToken", equalTo(false)).body("url", equalTo(url)).extract().asString();
            assertThat(body, not(containsString("PRIVATE KEY")));
            Document stored = mongo.getDatabase("debtwatch_ingest").getCollection("repositories")
                    .find(Filters.eq("_id", id)).first();
            assertThat(stored.getString("sealedSshKey"), startsWith("v1:"));
            assertThat(stored.toJson(), not(containsString(keyBody(keyText))));
            assertThat(Files.readString(Path.of("target/ingest-test.log")), not(containsString(keyBody(keyText))));
        } finally {
            git.close();
        }
    }

    @Test
    void aRefusedKeyIsAClearAuthenticationErrorAndOtherRepositoriesGoOn() throws Exception {
        KeyPair key = GitSshServer.newKeyPair();
        KeyPair wrong = GitSshServer.newKeyPair();
        GitFixture locked = GitFixture.init(dir.resolve("locked"));
        locked.write("a.txt", "1").commit("c1");
        GitFixture open = GitFixture.init(dir.resolve("open"));
        open.write("a.txt", "1").commit("c1");
        try (GitSshServer server = GitSshServer.start().serve("locked.git", locked.dir())
                .serve("open.git", open.dir()).authorize(key.getPublic())) {
            trustSshHost(server.knownHostsLine(server.port()));
            String base = "ssh://git@127.0.0.1:" + server.port() + "/";

            String refused = register(ORG, Map.of("url", base + "locked.git", "team", "t",
                    "sshPrivateKey", GitSshServer.openSshText(wrong))).statusCode(400)
                    .body("errors[0].field", equalTo("url")).extract().asString();
            assertThat(refused, containsString("authentication failed"));

            String lockedId = registered(ORG, Map.of("url", base + "locked.git", "team", "t",
                    "pollIntervalSeconds", 86400, "backfill", Map.of("policy", "none"),
                    "sshPrivateKey", GitSshServer.openSshText(key)));
            String openId = registered(ORG, Map.of("url", base + "open.git", "team", "t",
                    "pollIntervalSeconds", 86400, "backfill", Map.of("policy", "none"),
                    "sshPrivateKey", GitSshServer.openSshText(key)));
            awaitRepository(ORG, lockedId, r -> "ok".equals(r.getString("sync.status")));
            awaitRepository(ORG, openId, r -> "ok".equals(r.getString("sync.status")));

            // the key is rotated to one the Git host does not know: the next sync is refused
            given().contentType("application/json").body(Map.of("sshPrivateKey", GitSshServer.openSshText(wrong)))
                    .patch(location(ORG, lockedId)).then().statusCode(200);
            JsonPath failing = awaitRepository(ORG, lockedId, r -> "failing".equals(r.getString("sync.status")));
            assertThat(failing.getString("sync.lastError"), containsString("authentication failed"));
            assertThat(failing.getString("sync.lastError"), containsString(base + "locked.git"));

            RevCommit next = open.write("a.txt", "2").commit("c2");
            syncNow(ORG, openId);
            assertThat(commits(openId, 1).get(0).sha(), equalTo(next.name()));
        } finally {
            locked.close();
            open.close();
        }
    }

    @Test
    void aHostThatIsNotInKnownHostsOrPresentsAnotherKeyIsRefused() throws Exception {
        KeyPair key = GitSshServer.newKeyPair();
        Path repo = repositoryWithOneCommit(dir.resolve("hosts"));
        try (GitSshServer unknown = GitSshServer.start().serve("repo.git", repo).authorize(key.getPublic());
                GitSshServer impostor = GitSshServer.start().serve("repo.git", repo)
                        .authorize(key.getPublic());
                GitSshServer genuine = GitSshServer.start()) {
            String notListed = register(ORG, Map.of("url", "ssh://git@127.0.0.1:" + unknown.port() + "/repo.git",
                    "team", "t", "sshPrivateKey", GitSshServer.openSshText(key))).statusCode(400)
                    .extract().asString();
            assertThat(notListed, containsString("is not in the known_hosts file"));

            // known_hosts vouches for another key at the impostor's address
            trustSshHost(genuine.knownHostsLine(impostor.port()));
            String mismatch = register(ORG, Map.of("url", "ssh://git@127.0.0.1:" + impostor.port() + "/repo.git",
                    "team", "t", "sshPrivateKey", GitSshServer.openSshText(key))).statusCode(400)
                    .extract().asString();
            assertThat(mismatch, containsString("does not match the known_hosts file"));
        }
    }

    @Test
    void aKeyIsOnlyForSshUrlsAndMustBeReadable() {
        register(ORG, Map.of("url", "https://127.0.0.1:1/acme/app.git", "team", "t",
                "sshPrivateKey", GitSshServer.openSshText(GitSshServer.newKeyPair()))).statusCode(400)
                .body("errors[0].field", equalTo("sshPrivateKey"))
                .body("errors[0].message", containsString("only for ssh://"));
        String garbage = "-----BEGIN OPENSSH PRIVATE KEY-----\nbm90IGEga2V5\n-----END OPENSSH PRIVATE KEY-----\n";
        String body = register(ORG, Map.of("url", "ssh://git@127.0.0.1:1/acme/app.git", "team", "t",
                "sshPrivateKey", garbage)).statusCode(400).body("errors[0].field", equalTo("sshPrivateKey"))
                .extract().asString();
        assertThat(body, not(containsString("bm90IGEga2V5")));
        assertThat(body.contains("cannot be read") || body.contains("no usable"), is(true));
        register(ORG, Map.of("url", "https://127.0.0.1:1/acme/app.git", "team", "t", "sshPrivateKey", ""))
                .statusCode(400).body("errors[0].field", equalTo("url"));
    }

    /** A line of a key text's base64 body past the header every OpenSSH key shares: it must appear nowhere. */
    private static String keyBody(String keyText) {
        return keyText.lines().filter(l -> !l.startsWith("-----")).skip(2).findFirst().orElseThrow();
    }
}
