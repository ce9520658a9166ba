package io.debtwatch.ingest.rest;

import static io.debtwatch.ingest.IngestTestSupport.location;
import static io.debtwatch.ingest.IngestTestSupport.register;
import static io.debtwatch.ingest.IngestTestSupport.registered;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.ingest.service.SecretCipher;
import io.debtwatch.testsupport.GitFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access tokens and hook secrets: encrypted in MongoDB, never in a response, never in the log. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class SecretsTest {

    private static final String TOKEN = "ghp_TopSecretToken1234567890abcdef";
    private static final String HOOK_SECRET = "hook-secret-never-shown";

    @TempDir
    Path dir;

    @Inject
    MongoClient mongo;

    @Inject
    SecretCipher cipher;

    @Test
    void tokensAreEncryptedAtRestAndNeverReturnedOrLogged() throws Exception {
        try (GitFixture git = GitFixture.init(dir.resolve("private"))) {
            git.write("a.txt", "a").commit("one");
        }
        String id = registered("secretive", Map.of("url", dir.resolve("private").toString(), "team", "t",
                "accessToken", TOKEN, "hookSecret", HOOK_SECRET));
        String single = given().get(location("secretive", id)).then().statusCode(200)
                .body("hasAccessToken", equalTo(true)).body("hasHookSecret", equalTo(true))
                .extract().asString();
        String list = given().get("/api/v1/orgs/secretive/repositories").then().statusCode(200).extract().asString();
        for (String body : new String[] {single, list}) {
            assertThat(body, not(containsString(TOKEN)));
            assertThat(body, not(containsString(HOOK_SECRET)));
            assertThat(body, not(containsString("sealed")));
        }

        Document stored = mongo.getDatabase("debtwatch_ingest").getCollection("repositories")
                .find(Filters.eq("_id", id)).first();
        assertThat(stored.toJson(), not(containsString(TOKEN)));
        assertThat(stored.toJson(), not(containsString(HOOK_SECRET)));
        assertThat(stored.getString("sealedToken"), startsWith("v1:"));
        assertThat(cipher.decrypt(stored.getString("sealedToken"), id), equalTo(TOKEN));
        assertThat(cipher.decrypt(stored.getString("sealedHookSecret"), id), equalTo(HOOK_SECRET));
        assertThat("a ciphertext moved to another repository does not decrypt",
                attemptDecrypt(stored.getString("sealedToken"), "0123456789abcdef01234567"), is(false));

        String unreachable = register("secretive", Map.of("url", "https://127.0.0.1:1/acme/private.git",
                "team", "t", "accessToken", TOKEN)).statusCode(400).extract().asString();
        assertThat(unreachable, not(containsString(TOKEN)));
        given().contentType("application/json").body(Map.of("accessToken", TOKEN + "-rotated"))
                .patch(location("secretive", id)).then().statusCode(200).body(not(containsString(TOKEN)));

        Path log = Path.of("target/ingest-test.log");
        assertThat(Files.exists(log), is(true));
        assertThat(Files.readString(log), not(containsString(TOKEN)));
    }

    private boolean attemptDecrypt(String sealed, String otherId) {
        try {
            cipher.decrypt(sealed, otherId);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
