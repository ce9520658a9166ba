package io.debtwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway passes method, path, query, body and headers on, and the service's answer back. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
@WithTestResource(ServiceStandIns.class)
class ForwardingTest {

    private static final String REPO = "65f1c0ffee0000000000abcd";

    @BeforeEach
    void reset() {
        ServiceStandIns.resetAll();
    }

    @Test
    void registrationGoesToIngestAndLocationNamesTheGateway() {
        ServiceStandIns.INGEST.answer(201, Map.of("Content-Type", "application/json",
                "Location", ServiceStandIns.INGEST.url() + "/api/v1/orgs/acme/repositories/" + REPO),
                "{\"id\": \"" + REPO + "\"}");

        given().urlEncodingEnabled(false).auth().oauth2(Keys.BOOTSTRAP).contentType(ContentType.JSON)
                .header("X-Request-Id", "req-forward-1")
                .body("{\"url\": \"file:///tmp/repo\", \"team\": \"payments\"}")
                .when().post("/api/v1/orgs/acme/repositories?note=a%20b")
                .then().statusCode(201)
                .header("Location", startsWith("http://localhost:"))
                .header("Location", endsWith("/api/v1/orgs/acme/repositories/" + REPO))
                .header("X-Request-Id", "req-forward-1")
                .body("id", equalTo(REPO));

        StandInServer.Received seen = ServiceStandIns.INGEST.last();
        assertThat(seen.method(), equalTo("POST"));
        assertThat(seen.path(), equalTo("/api/v1/orgs/acme/repositories"));
        assertThat(seen.query(), equalTo("note=a%20b"));
        assertThat(seen.bodyText(), equalTo("{\"url\": \"file:///tmp/repo\", \"team\": \"payments\"}"));
        assertThat(seen.header("Content-Type"), startsWith("application/json"));
        assertThat(seen.header("X-Request-Id"), equalTo("req-forward-1"));
        assertThat(seen.header("X-DebtWatch-Internal-Token"), equalTo(ServiceStandIns.INTERNAL_TOKEN));
        assertThat("the API key stays at the gateway", seen.header("Authorization"), nullValue());
    }

    @Test
    void patchAndDeleteGoToIngestWithTheirStatus() {
        ServiceStandIns.INGEST.answer(200, Map.of("Content-Type", "application/json"), "{\"team\": \"platform\"}");
        given().auth().oauth2(Keys.BOOTSTRAP).contentType(ContentType.JSON).body("{\"team\": \"platform\"}")
                .when().patch("/api/v1/orgs/acme/repositories/" + REPO)
                .then().statusCode(200).body("team", equalTo("platform"));
        assertThat(ServiceStandIns.INGEST.last().method(), equalTo("PATCH"));
        assertThat(ServiceStandIns.INGEST.last().bodyText(), equalTo("{\"team\": \"platform\"}"));

        ServiceStandIns.INGEST.answer(204, Map.of(), "");
        given().auth().oauth2(Keys.BOOTSTRAP).when().delete("/api/v1/orgs/acme/repositories/" + REPO + "?purge=true")
                .then().statusCode(204);
        assertThat(ServiceStandIns.INGEST.last().method(), equalTo("DELETE"));
        assertThat(ServiceStandIns.INGEST.last().query(), equalTo("purge=true"));
    }

    @Test
    void scoresGoToScoringAndItsProblemsComeBackUnchanged() {
        ServiceStandIns.SCORING.answer(404, Map.of("Content-Type", "application/problem+json"),
                "{\"type\": \"https://debtwatch.io/problems/not-found\", \"status\": 404, \"detail\": \"no score yet\"}");
        given().auth().oauth2(Keys.BOOTSTRAP).when().get("/api/v1/orgs/acme/repositories/" + REPO + "/score")
                .then().statusCode(404).contentType("application/problem+json").body("detail", equalTo("no score yet"));
        assertThat(ServiceStandIns.SCORING.last().path(), equalTo("/api/v1/orgs/acme/repositories/" + REPO + "/score"));
        assertThat(ServiceStandIns.INGEST.received(), empty());
    }

    @Test
    void reanalysisGoesToAnalysisWithRetryAfterPassedBack() {
        ServiceStandIns.ANALYSIS.answer(202, Map.of("Content-Type", "application/json", "Retry-After", "3"),
                "{\"id\": \"job-1\"}");
        given().auth().oauth2(Keys.BOOTSTRAP).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orgs/acme/reanalysis")
                .then().statusCode(202).header("Retry-After", "3").body("id", equalTo("job-1"));
        assertThat(ServiceStandIns.ANALYSIS.last().path(), equalTo("/api/v1/orgs/acme/reanalysis"));
    }

    @Test
    void pushHooksPassWithRawBodyAndSignatureHeaders() {
        ServiceStandIns.INGEST.answer(202, Map.of("Content-Type", "application/json"), "{\"repositories\": 1}");
        byte[] raw = "{ \"ref\":\"refs/heads/main\" ,\n  \"after\": \"abc\" }".getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=0a1b2c")
                .header("X-GitHub-Event", "push").body(raw)
                .when().post("/hooks/github")
                .then().statusCode(202).body("repositories", equalTo(1));
        StandInServer.Received seen = ServiceStandIns.INGEST.last();
        assertThat(seen.path(), equalTo("/hooks/github"));
        assertThat(seen.body(), equalTo(raw));
        assertThat(seen.header("X-Hub-Signature-256"), equalTo("sha256=0a1b2c"));
        assertThat(seen.header("X-GitHub-Event"), equalTo("push"));

        given().header("X-Gitlab-Token", "t0k3n").contentType(ContentType.JSON).body("{\"object_kind\":\"push\"}")
                .when().post("/hooks/gitlab").then().statusCode(202);
        assertThat(ServiceStandIns.INGEST.last().header("X-Gitlab-Token"), equalTo("t0k3n"));
    }

    @Test
    void aRequestIdIsMadeWhenNoneIsGivenAndReachesTheService() {
        String id = given().auth().oauth2(Keys.BOOTSTRAP).when().get("/api/v1/orgs/acme/summary")
                .then().statusCode(200).header("X-Request-Id", not(emptyOrNullString()))
                .extract().header("X-Request-Id");
        assertThat(ServiceStandIns.SCORING.last().header("X-Request-Id"), equalTo(id));
    }

    @Test
    void gatewayErrorsAreProblemDocuments() {
        given().auth().oauth2(Keys.BOOTSTRAP).when().get("/api/v1/orgs/acme/repositories/not-an-id")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("repoId"));
        given().auth().oauth2(Keys.BOOTSTRAP).header("X-Request-Id", "req-not-found")
                .when().get("/api/v1/orgs/acme/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404))
                .header("X-Request-Id", "req-not-found");
        given().auth().oauth2(Keys.BOOTSTRAP).contentType(ContentType.JSON).body("{\"url\": ")
                .when().post("/api/v1/orgs/acme/repositories")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        assertThat(ServiceStandIns.INGEST.received(), empty());
    }
}
