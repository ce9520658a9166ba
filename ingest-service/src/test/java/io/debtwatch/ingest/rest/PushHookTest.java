package io.debtwatch.ingest.rest;

import static io.debtwatch.ingest.IngestTestSupport.awaitRepository;
import static io.debtwatch.ingest.IngestTestSupport.commits;
import static io.debtwatch.ingest.IngestTestSupport.location;
import static io.debtwatch.ingest.IngestTestSupport.registered;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub and GitLab push hooks, with GitHub's own example payloads from ../shared/data (their
 * repository URLs pointed at a repository built in the test) and GitLab's documented push payload.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class PushHookTest {

    private static final String ORG = "hooked-org";
    private static final String SECRET = "repo-hook-secret-1";

    @TempDir
    Path dir;

    private GitFixture git;
    private String id;

    @BeforeEach
    void watchedRepository() {
        git = GitFixture.init(dir.resolve("hello-world"));
        git.write("README", "hello").commit("first");
        git.branch("master");
        id = registered(ORG, Map.of("url", git.fileUrl(), "team", "t", "defaultBranch", "master",
                "pollIntervalSeconds", 86400, "hookSecret", SECRET, "backfill", Map.of("policy", "none")));
        awaitRepository(ORG, id, r -> "ok".equals(r.getString("sync.status")));
    }

    @Test
    void aSignedPushToTheWatchedBranchSyncsAtOnce() throws Exception {
        RevCommit pushed = git.write("README", "hello again").commit("pushed");
        byte[] body = github("push.4.json");
        github("push", sign(SECRET, body), body).then().statusCode(202)
                .body("action", equalTo("sync")).body("repositories", hasItem(id));
        List<CommitDiscovered> events = commits(id, 1);
        assertThat(events, hasSize(1));
        assertThat(events.get(0).sha(), equalTo(pushed.name()));
        assertThat(events.get(0).backfill(), equalTo(false));
    }

    @Test
    void tagsOtherBranchesAndCreateDeleteEventsAreIgnored() throws Exception {
        git.write("README", "not yet").commit("unsynced");
        for (String tagPush : List.of("push.0.json", "push.1.json", "push.6.json")) {
            byte[] body = github(tagPush);
            github("push", sign(SECRET, body), body).then().statusCode(200).body("action", equalTo("ignored"))
                    .body("reason", containsString("refs/tags/"));
        }
        for (String event : List.of("create.0.json", "delete.0.json", "create.4.json", "delete.3.json")) {
            byte[] body = github(event);
            github(event.substring(0, event.indexOf('.')), sign(SECRET, body), body).then().statusCode(200)
                    .body("action", equalTo("ignored"));
        }
        given().contentType("application/json").body(Map.of("defaultBranch", "main")).patch(location(ORG, id))
                .then().statusCode(200);
        byte[] otherBranch = github("push.5.json");
        github("push", sign(SECRET, otherBranch), otherBranch).then().statusCode(200)
                .body("action", equalTo("ignored")).body("reason", containsString("'master' is not watched"));
    }

    @Test
    void aMissingOrBadSignatureIsA401AndNothingHappens() throws Exception {
        git.write("README", "should stay unseen").commit("unseen");
        byte[] body = github("push.4.json");
        String lastSuccess = given().get(location(ORG, id)).then().extract().path("sync.lastSuccessAt");
        github("push", null, body).then().statusCode(401).contentType("application/problem+json");
        github("push", sign("wrong-secret", body), body).then().statusCode(401);
        github("push", "sha256=zz", body).then().statusCode(401);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("master", "master ")
                .getBytes(StandardCharsets.UTF_8);
        github("push", sign(SECRET, body), tampered).then().statusCode(401);
        assertThat(commits(id, 1, Duration.ofSeconds(3)), hasSize(0));
        given().get(location(ORG, id)).then().body("sync.lastSuccessAt", equalTo(lastSuccess));
    }

    @Test
    void pingsAreAnsweredForRepositoryAndOrganisationHooks() throws Exception {
        byte[] ping = github("ping.0.json");
        github("ping", sign(SECRET, ping), ping).then().statusCode(200).body("action", equalTo("pong"))
                .body("reason", containsString("Anything added dilutes"));
        byte[] orgPing = Files.readAllBytes(payloads().resolve("ping.3.json"));
        github("ping", sign("org-hook-secret-for-tests", orgPing), orgPing).then().statusCode(200)
                .body("action", equalTo("pong"));
        github("ping", sign("not-the-org-secret", orgPing), orgPing).then().statusCode(401);
    }

    @Test
    void gitlabPushWithTheRightTokenSyncsAndTagPushesAreIgnored() throws Exception {
        RevCommit pushed = git.write("README", "from gitlab").commit("gitlab push");
        byte[] tag = gitlab("tag-push-hook.json");
        gitlab("Tag Push Hook", SECRET, tag).then().statusCode(200).body("action", equalTo("ignored"));
        byte[] push = gitlab("push-hook.json");
        gitlab("Push Hook", "wrong", push).then().statusCode(401);
        gitlab("Push Hook", null, push).then().statusCode(401);
        gitlab("Push Hook", SECRET, push).then().statusCode(202).body("repositories", hasItem(id));
        assertThat(commits(id, 1).get(0).sha(), equalTo(pushed.name()));
    }

    private io.restassured.response.Response github(String event, String signature, byte[] body) {
        RequestSpecification request = given().contentType("application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958").body(body);
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request.post("/hooks/github");
    }

    private io.restassured.response.Response gitlab(String event, String token, byte[] body) {
        RequestSpecification request = given().contentType("application/json").header("X-Gitlab-Event", event)
                .body(body);
        if (token != null) {
            request.header("X-Gitlab-Token", token);
        }
        return request.post("/hooks/gitlab");
    }

    /** A GitHub example payload with its repository URLs pointed at the test's repository. */
    private byte[] github(String name) throws IOException {
        ObjectNode payload = (ObjectNode) EventJson.mapper().readTree(payloads().resolve(name).toFile());
        ObjectNode repo = (ObjectNode) payload.get("repository");
        for (String field : List.of("clone_url", "html_url", "ssh_url", "git_url", "svn_url")) {
            repo.put(field, git.fileUrl());
        }
        return EventJson.mapper().writeValueAsBytes(payload);
    }

    private byte[] gitlab(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/gitlab/" + name)) {
            ObjectNode payload = (ObjectNode) EventJson.mapper().readTree(in);
            for (String section : List.of("project", "repository")) {
                if (payload.get(section) instanceof ObjectNode node) {
                    for (String field : List.of("git_http_url", "git_ssh_url", "web_url", "http_url", "ssh_url",
                            "url", "homepage")) {
                        if (node.has(field)) {
                            node.put(field, git.fileUrl());
                        }
                    }
                }
            }
            return EventJson.mapper().writeValueAsBytes(payload);
        }
    }

    /** The GitHub example payloads, found by walking up to the repository root and then to ../shared/data. */
    static Path payloads() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("mvnw"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("no repository root (with mvnw) above " + Path.of("").toAbsolutePath());
        }
        Path data = here.resolve("../shared/data/github-webhooks").normalize();
        if (!Files.isDirectory(data)) {
            throw new IllegalStateException("GitHub example payloads not found at " + data);
        }
        return data;
    }

    private static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
