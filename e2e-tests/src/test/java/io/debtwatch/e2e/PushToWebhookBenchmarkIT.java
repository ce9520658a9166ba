package io.debtwatch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.WebhookReceiver;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency users feel: from a commit being pushed (a signed GitHub push hook at the gateway) to
 * the signed score webhook arriving at a receiver, with the whole platform on this machine. A
 * benchmark that prints p50 and p99; run with
 * {@code ./mvnw -pl e2e-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=PushToWebhookBenchmarkIT -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PushToWebhookBenchmarkIT {

    private static final Logger LOG = Logger.getLogger(PushToWebhookBenchmarkIT.class);
    private static final int PUSHES = Integer.getInteger("pushes", 40);
    private static final String HOOK_SECRET = "bench-hook-secret";

    @TempDir
    Path work;

    @Test
    void measurePushToSignedWebhook() throws Exception {
        try (RunningPlatform platform = RunningPlatform.start(work.resolve("data"), RunningPlatform.randomPorts());
                WebhookReceiver receiver = WebhookReceiver.ok();
                GitFixture repo = GitFixture.init(work.resolve("repo"))) {
            String key = "Bearer " + platform.adminKey();
            String secret = given().baseUri(platform.gatewayUrl()).header("Authorization", key)
                    .contentType(ContentType.JSON)
                    .body("{\"url\": \"" + receiver.url() + "\", \"eventTypes\": [\"score.changed\"]}")
                    .post("/api/v1/orgs/acme/webhooks").then().statusCode(201).extract().path("secret");
            RevCommit first = repo.write("src/App.java", "class App {}\n").commit("first");
            String id = given().baseUri(platform.gatewayUrl()).header("Authorization", key)
                    .contentType(ContentType.JSON).body("{\"url\": \"" + repo.fileUrl() + "\", \"team\": \"bench\", "
                            + "\"pollIntervalSeconds\": 86400, \"hookSecret\": \"" + HOOK_SECRET + "\"}")
                    .post("/api/v1/orgs/acme/repositories").then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().baseUri(platform.gatewayUrl())
                    .header("Authorization", key).get("/api/v1/orgs/acme/repositories/" + id + "/score")
                    .then().statusCode(200).body("sha", equalTo(first.name())));

            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < PUSHES; i++) {
                RevCommit commit = repo.write("src/App.java", "class App {\n" + "    // TODO step " + i + "\n}\n")
                        .commit("step " + i);
                byte[] body = GitHubPayloads.push(repo.fileUrl(), "refs/heads/main", commit.name());
                long started = System.nanoTime();
                given().baseUri(platform.gatewayUrl()).contentType(ContentType.JSON)
                        .header("X-GitHub-Event", "push")
                        .header("X-Hub-Signature-256", GitHubPayloads.sign(HOOK_SECRET, body)).body(body)
                        .post("/hooks/github").then().statusCode(202);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> receiver
                        .received().stream().anyMatch(r -> r.body().contains(commit.name())));
                millis.add((System.nanoTime() - started) / 1_000_000);
                receiver.received().stream().filter(r -> r.body().contains(commit.name())).findFirst().orElseThrow()
                        .verify(secret);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            LOG.infof("push hook to signed score webhook over %d pushes: p50 %d ms, p99 %d ms, max %d ms",
                    sorted.size(), sorted.get(sorted.size() / 2),
                    sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), sorted.get(sorted.size() - 1));
        }
    }
}
