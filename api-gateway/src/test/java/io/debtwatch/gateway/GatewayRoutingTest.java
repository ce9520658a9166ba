package io.debtwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
@WithTestResource(RecordingBackends.class)
class GatewayRoutingTest {

    private static final String KEY = "test-admin-key";

    static RequestSpecification withKey() {
        return given().header("Authorization", "Bearer " + KEY);
    }

    @BeforeEach
    void forget() {
        RecordingBackends.SEEN.clear();
    }

    static RecordingBackends.Seen last() {
        List<RecordingBackends.Seen> seen = RecordingBackends.SEEN;
        return seen.get(seen.size() - 1);
    }

    @Test
    void registrationIsForwardedToIngestWithItsBodyAndTheAnswerComesBack() {
        withKey().contentType(ContentType.JSON).body("{\"url\":\"https://git.example/a.git\",\"team\":\"payments\"}")
                .post("/api/v1/orgs/acme/repositories")
                .then().statusCode(201)
                .header("Location", "/api/v1/orgs/acme/repositories/0123456789abcdef01234567")
                .body("backend", equalTo("ingest"));
        RecordingBackends.Seen seen = last();
        assertEquals("POST", seen.method());
        assertEquals("/api/v1/orgs/acme/repositories", seen.pathAndQuery());
        assertEquals("{\"url\":\"https://git.example/a.git\",\"team\":\"payments\"}", seen.body());
        assertEquals(List.of("internal-secret"), seen.headers().get("X-debtwatch-internal-token"));
    }

    @Test
    void scoreReadsGoToScoringWithTheirQuery() {
        withKey().get("/api/v1/orgs/acme/repositories/0123456789abcdef01234567/history?from=2026-01-01&interval=week")
                .then().statusCode(200).body("backend", equalTo("scoring"));
        assertEquals("/api/v1/orgs/acme/repositories/0123456789abcdef01234567/history?from=2026-01-01&interval=week",
                last().pathAndQuery());
        withKey().get("/api/v1/orgs/acme/summary").then().statusCode(200).body("backend", equalTo("scoring"));
    }

    @Test
    void aServiceProblemIsPassedBackAsIs() {
        withKey().get("/api/v1/orgs/acme/repositories/0123456789abcdef01234567/commits/" + "a".repeat(40))
                .then().statusCode(200);
        withKey().get("/api/v1/orgs/acme/repositories/0123456789abcdef01234567/score?missing=1")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void pushHooksKeepTheirSignatureHeaders() {
        given().header("X-Hub-Signature-256", "sha256=abc").header("X-GitHub-Event", "push")
                .contentType(ContentType.JSON).body("{\"ref\":\"refs/heads/main\"}").post("/hooks/github")
                .then().statusCode(200);
        assertEquals(List.of("sha256=abc"), last().headers().get("X-hub-signature-256"));
        assertEquals("{\"ref\":\"refs/heads/main\"}", last().body());
    }

    @Test
    void aServiceThatIsDownIsAFast503Problem() {
        long started = System.nanoTime();
        withKey().contentType(ContentType.JSON).body("{\"scope\":\"latest\"}").post("/api/v1/orgs/acme/reanalysis")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("analysis-service is unreachable"));
        given().header("Authorization", "Bearer " + KEY).get("/q/health/group/backends").then().statusCode(503)
                .body("checks[0].data.analysis-service", equalTo("DOWN"));
        assertEquals(true, (System.nanoTime() - started) / 1_000_000 < 10_000);
    }

    @Test
    void keysAndIdsAreCheckedBeforeAnythingIsForwarded() {
        given().get("/api/v1/orgs/acme/repositories").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").get("/api/v1/orgs/acme/repositories").then().statusCode(401);
        withKey().get("/api/v1/orgs/globex/repositories").then().statusCode(404)
                .contentType("application/problem+json");
        withKey().get("/api/v1/orgs/acme/repositories/not-an-id/score").then().statusCode(400)
                .body("errors.field", hasItem("repoId"));
        assertEquals(0, RecordingBackends.SEEN.size(), "nothing reached a service");
    }

    @Test
    void theOpenApiDocumentListsThePublicPaths() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/orgs/{org}/repositories'.post.summary", equalTo("Register a repository to watch"))
                .body("paths.keySet().size()", lessThan(100));
    }
}
