package io.debtwatch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.cli.up.PlatformPorts;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.Topics;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.debtwatch.testsupport.WebhookReceiver;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four packaged services as separate processes on a real broker and wire server, walked
 * through the gateway as a new user would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    @TempDir
    static Path work;

    static PlatformPorts ports;
    static RunningPlatform platform;
    static GitFixture repo;
    static RevCommit head;
    static String repositoryPath;

    @BeforeAll
    static void startPlatform() {
        ports = RunningPlatform.randomPorts();
        platform = RunningPlatform.start(work.resolve("data"), ports);
        repo = GitFixture.init(work.resolve("billing"));
        repo.write("README.md", "# Billing\n").commit("initial import");
        repo.write("src/main/java/acme/Billing.java", """
                package acme;

                public class Billing {
                    // TODO: read the rate from configuration
                    private final double rate = 0.2;

                    public double charge(double amount) {
                        try {
                            return amount * rate;
                        } catch (RuntimeException e) {
                        }
                        return 0;
                    }
                }
                """);
        head = repo.commit("charge customers");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (repo != null) {
            repo.close();
        }
    }

    static RequestSpecification api() {
        return given().baseUri(platform.gatewayUrl()).header("Authorization", "Bearer " + platform.adminKey());
    }

    @Test
    @Order(1)
    void aRegisteredRepositoryIsScoredAlongTheRealPath() {
        Response created = api().contentType(ContentType.JSON)
                .body("{\"url\": \"" + repo.dir() + "\", \"team\": \"payments\"}")
                .post("/api/v1/orgs/acme/repositories");
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/orgs/acme/repositories/[0-9a-f]{24}$"))
                .body("team", equalTo("payments"));
        String id = created.path("id");
        repositoryPath = "/api/v1/orgs/acme/repositories/" + id;

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                api().get(repositoryPath + "/score").then().statusCode(200).body("sha", equalTo(head.name())));

        api().get(repositoryPath + "/score").then()
                .body("grade", matchesPattern("[A-E]"))
                .body("index", greaterThan(0f))
                .body("linesOfCode", greaterThan(0));
    }

    @Test
    @Order(2)
    void anUnknownRepositoryIsAProblemDocument() {
        api().get("/api/v1/orgs/acme/repositories/0123456789abcdef01234567/score").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    @Order(3)
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOneIsStillAnalysed() {
        String repoId = "0123456789abcdef0123abcd";
        CommitDiscovered good = new CommitDiscovered(EventIds.commit(repoId, head.name()), repoId, "acme",
                "payments", repo.dir().toString(), "main", head.name(), List.of(head.getParent(0).name()),
                "Ada", Instant.ofEpochSecond(head.getCommitTime()), head.getFullMessage(), List.of(), false, false,
                2);
        try (TopicReader deadLetters = new TopicReader(platform.kafka(), Topics.deadLetter(Topics.COMMITS));
                TopicReader analyses = new TopicReader(platform.kafka(), Topics.ANALYSES)) {
            TopicReader.send(platform.kafka(), Topics.COMMITS, repoId, "{this is not json");
            TopicReader.send(platform.kafka(), Topics.COMMITS, repoId, EventJson.write(good));

            List<ConsumerRecord<String, String>> dead = deadLetters.await(1,
                    r -> r.value().equals("{this is not json"), Duration.ofSeconds(60));
            assertEquals(1, dead.size(), "the poison message is on the dead-letter topic");
            assertTrue(dead.get(0).headers().iterator().hasNext(), "the error travels in headers");

            List<ConsumerRecord<String, String>> analysed = analyses.await(1,
                    r -> r.value().contains("\"eventId\":\"" + repoId + ":" + head.name() + ":"),
                    Duration.ofSeconds(60));
            assertEquals(1, analysed.size(), "the good message after it was analysed");
        }
    }

    @Test
    @Order(4)
    void runningUpAgainKeepsTheData() {
        platform.close();
        platform = RunningPlatform.start(work.resolve("data"), ports);
        api().get(repositoryPath).then().statusCode(200).body("url", containsString("billing"));
        api().get(repositoryPath + "/score").then().statusCode(200).body("sha", equalTo(head.name()));
    }

    @Test
    @Order(5)
    void aNewCommitToAWatchedRepositoryIsScoredWithoutCallingSync() {
        try (GitFixture watched = GitFixture.init(work.resolve("watched"))) {
            RevCommit first = watched.write("app.py", "def handler():\n    return 1\n").commit("first");
            String path = register("{\"url\": \"" + watched.fileUrl()
                    + "\", \"team\": \"platform\", \"pollIntervalSeconds\": 10}");
            awaitScore(path, first.name());
            RevCommit next = watched.write("app.py", "def handler():\n    print('debug')  # TODO remove\n    return 1\n")
                    .commit("debugging");
            awaitScore(path, next.name());
            api().get(path + "/score").then().body("explanation", containsString("new"));
        }
    }

    @Test
    @Order(6)
    void aSignedGitHubPushIsScoredAtOnce() throws Exception {
        try (GitFixture hooked = GitFixture.init(work.resolve("hooked"))) {
            RevCommit first = hooked.write("main.go", "package main\n\nfunc main() {}\n").commit("first");
            String path = register("{\"url\": \"" + hooked.fileUrl() + "\", \"team\": \"platform\", \"pollIntervalSeconds\": 86400, "
                    + "\"hookSecret\": \"e2e-hook-secret\"}");
            awaitScore(path, first.name());
            RevCommit pushed = hooked.write("main.go", "package main\n\n// FIXME: hardcoded\nfunc main() {}\n")
                    .commit("hardcode");
            byte[] body = GitHubPayloads.push(hooked.fileUrl(), "refs/heads/main", pushed.name());
            given().baseUri(platform.gatewayUrl()).contentType(ContentType.JSON).header("X-GitHub-Event", "push")
                    .header("X-Hub-Signature-256", GitHubPayloads.sign("e2e-hook-secret", body)).body(body)
                    .post("/hooks/github").then().statusCode(202);
            awaitScore(path, pushed.name());
        }
    }

    @Test
    @Order(7)
    void aCommitThatAddsPrototypeSmellsArrivesAsAVerifiedScoreWebhook() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.ok();
                GitFixture smelly = GitFixture.init(work.resolve("smelly"))) {
            String secret = api().contentType(ContentType.JSON)
                    .body("{\"url\": \"" + receiver.url() + "\", \"eventTypes\": [\"*\"]}")
                    .post("/api/v1/orgs/acme/webhooks").then().statusCode(201).extract().path("secret");
            RevCommit clean = smelly.write("README.md", "# tool\n").write("src/Tool.java", """
                    package tool;

                    class Tool {
                        int add(int a, int b) {
                            return a + b;
                        }
                    }
                    """).commit("clean start");
            String path = register("{\"url\": \"" + smelly.fileUrl() + "\", \"team\": \"tools\", "
                    + "\"pollIntervalSeconds\": 86400, \"hookSecret\": \"e2e-hook-secret\"}");
            awaitScore(path, clean.name());
            RevCommit smells = smelly.write("src/Tool.java", """
                    package tool;

                    class Tool {
                        // TODO: stop hardcoding the database
                        String url = "jdbc:postgresql://10.1.2.3:5432/prod";
                        String password = "hunter2-production";

                        int add(int a, int b) {
                            try {
                                System.out.println("adding");
                                return a + b;
                            } catch (Exception e) {
                            }
                            return 0;
                        }
                    }
                    """).commit("quick hack for the demo");
            byte[] body = GitHubPayloads.push(smelly.fileUrl(), "refs/heads/main", smells.name());
            given().baseUri(platform.gatewayUrl()).contentType(ContentType.JSON).header("X-GitHub-Event", "push")
                    .header("X-Hub-Signature-256", GitHubPayloads.sign("e2e-hook-secret", body)).body(body)
                    .post("/hooks/github").then().statusCode(202);
            awaitScore(path, smells.name());
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains("\"score.changed\"") && r.body().contains(smells.name())));
            WebhookReceiver.Received changed = receiver.received().stream()
                    .filter(r -> r.body().contains("\"score.changed\"") && r.body().contains(smells.name()))
                    .findFirst().orElseThrow();
            changed.verify(secret);
            assertTrue(changed.header("webhook-id") != null && changed.header("webhook-signature").startsWith("v1,"));
        }
    }

    @Test
    @Order(8)
    void anotherOrgSeesNothingOfAcmeAndAcmeNothingOfIt() throws Exception {
        String acmeRepository = repositoryPath.substring(repositoryPath.lastIndexOf('/') + 1);
        String acmeWebhook = api().get("/api/v1/orgs/acme/webhooks").then().statusCode(200)
                .extract().path("items[0].id");
        String globexKey = api().contentType(ContentType.JSON)
                .body("{\"name\": \"globex admin\", \"scopes\": [\"admin\"]}")
                .post("/api/v1/orgs/globex/api-keys").then().statusCode(201).extract().path("key");
        try (GitFixture secret = GitFixture.init(work.resolve("globex-secret"))) {
            RevCommit only = secret.write("Secret.java", "class Secret {}\n").commit("globex only");
            String globexRepository = given().baseUri(platform.gatewayUrl()).auth().oauth2(globexKey)
                    .header("X-Request-Id", "e2e-globex-register").contentType(ContentType.JSON)
                    .body("{\"url\": \"" + secret.fileUrl() + "\", \"team\": \"globex-team\"}")
                    .post("/api/v1/orgs/globex/repositories").then().statusCode(201)
                    .header("X-Request-Id", "e2e-globex-register").extract().path("id");
            RequestSpecification globex = given().baseUri(platform.gatewayUrl()).auth().oauth2(globexKey);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().baseUri(platform.gatewayUrl()).auth().oauth2(globexKey)
                            .get("/api/v1/orgs/globex/repositories/" + globexRepository + "/score")
                            .then().statusCode(200).body("sha", equalTo(only.name())));

            for (String suffix : List.of("", "/score", "/history", "/findings", "/commits/" + head.name())) {
                globex.get("/api/v1/orgs/globex/repositories/" + acmeRepository + suffix).then().statusCode(404);
                api().get("/api/v1/orgs/acme/repositories/" + globexRepository + suffix).then().statusCode(404);
                globex.get("/api/v1/orgs/acme/repositories/" + acmeRepository + suffix).then().statusCode(404);
            }
            globex.contentType(ContentType.JSON).body("{\"team\": \"stolen\"}")
                    .patch("/api/v1/orgs/globex/repositories/" + acmeRepository).then().statusCode(404);
            globex.post("/api/v1/orgs/globex/repositories/" + acmeRepository + "/sync").then().statusCode(404);
            globex.delete("/api/v1/orgs/globex/repositories/" + acmeRepository + "?purge=true").then().statusCode(404);
            globex.get("/api/v1/orgs/globex/webhooks/" + acmeWebhook).then().statusCode(404);
            globex.get("/api/v1/orgs/acme/summary").then().statusCode(404);

            for (String path : List.of("/repositories", "/summary", "/trends?interval=day&groupBy=repo",
                    "/leaderboard?order=worst", "/webhooks", "/api-keys")) {
                String body = globex.get("/api/v1/orgs/globex" + path).then().statusCode(200).extract().asString();
                assertFalse(body.contains(acmeRepository) || body.contains("billing") || body.contains("payments"),
                        "globex's " + path + " shows nothing of acme: " + body);
                String acme = api().get("/api/v1/orgs/acme" + path).then().statusCode(200).extract().asString();
                assertFalse(acme.contains(globexRepository) || acme.contains("globex"),
                        "acme's " + path + " shows nothing of globex: " + acme);
            }
            api().get(repositoryPath + "/score").then().statusCode(200).body("sha", equalTo(head.name()));
        }
        String generated = api().get(repositoryPath + "/score").then().statusCode(200).extract().header("X-Request-Id");
        assertTrue(generated != null && !generated.isBlank(), "the gateway gives every response a request id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertTrue(Files.readString(platform.logDir().resolve("ingest-service.log")).contains("req=e2e-globex-register"),
                    "the caller's request id reaches ingest's log");
            assertTrue(Files.readString(platform.logDir().resolve("scoring-service.log")).contains("req=" + generated),
                    "a request id made by the gateway reaches scoring's log");
        });
    }

    @Test
    @Order(9)
    void aDeliveryStillFailingWhenThePlatformStopsArrivesAfterItStartsAgain() throws Exception {
        AtomicBoolean receiverUp = new AtomicBoolean(false);
        try (WebhookReceiver receiver = WebhookReceiver.start(n -> new WebhookReceiver.Reply(receiverUp.get() ? 200 : 503, 0));
                GitFixture late = GitFixture.init(work.resolve("late"))) {
            String secret = api().contentType(ContentType.JSON)
                    .body("{\"url\": \"" + receiver.url() + "\", \"eventTypes\": [\"score.changed\"]}")
                    .post("/api/v1/orgs/acme/webhooks").then().statusCode(201).extract().path("secret");
            RevCommit commit = late.write("Late.java", "class Late {\n    // TODO: finish\n}\n").commit("late");
            String path = register("{\"url\": \"" + late.fileUrl() + "\", \"team\": \"tools\", \"pollIntervalSeconds\": 86400}");
            awaitScore(path, commit.name());
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests().stream()
                    .filter(r -> r.body().contains(commit.name())).count() >= 2);
            String webhookId = receiver.requests().stream().filter(r -> r.body().contains(commit.name()))
                    .findFirst().orElseThrow().header("webhook-id");

            platform.close();
            int refusedWhileStopped = receiver.requests().size();
            receiverUp.set(true);
            platform = RunningPlatform.start(work.resolve("data"), ports);

            await().atMost(Duration.ofSeconds(90)).until(() -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains(commit.name())));
            WebhookReceiver.Received arrived = receiver.received().stream()
                    .filter(r -> r.body().contains(commit.name())).findFirst().orElseThrow();
            assertEquals(webhookId, arrived.header("webhook-id"), "a retry keeps the event's webhook-id");
            arrived.verify(secret);
            assertTrue(receiver.requests().size() > refusedWhileStopped, "delivery resumed after the restart");
        }
    }

    private static String register(String body) {
        String id = api().contentType(ContentType.JSON).body(body).post("/api/v1/orgs/acme/repositories")
                .then().statusCode(201).extract().path("id");
        return "/api/v1/orgs/acme/repositories/" + id;
    }

    private static void awaitScore(String path, String sha) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                api().get(path + "/score").then().statusCode(200).body("sha", equalTo(sha)));
    }
}
