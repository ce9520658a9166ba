package io.debtwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operator-shaped queries, oversized bodies, bad ids and cross-origin calls are stopped at the gateway. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
@WithTestResource(ServiceStandIns.class)
class InputValidationTest {

    private static final String REPOS = "/api/v1/orgs/acme/repositories";

    @BeforeEach
    void reset() {
        ServiceStandIns.resetAll();
    }

    @Test
    void mongoOperatorShapedQueryParametersAreRejected() {
        given().urlEncodingEnabled(false).auth().oauth2(Keys.BOOTSTRAP)
                .when().get(REPOS + "?team%5B%24ne%5D=x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("team[$ne]"));
        given().auth().oauth2(Keys.BOOTSTRAP).queryParam("team", "{\"$ne\": null}")
                .when().get(REPOS).then().statusCode(400).body("errors[0].field", equalTo("team"));
        given().auth().oauth2(Keys.BOOTSTRAP).queryParam("team", "$where")
                .when().get(REPOS).then().statusCode(400).body("errors[0].field", equalTo("team"));
        given().auth().oauth2(Keys.BOOTSTRAP).queryParam("$where", "1")
                .when().get("/api/v1/orgs/acme/summary").then().statusCode(400)
                .body("errors[0].field", equalTo("$where"));
        assertThat(ServiceStandIns.INGEST.received(), empty());
        assertThat(ServiceStandIns.SCORING.received(), empty());

        given().auth().oauth2(Keys.BOOTSTRAP).queryParam("team", "pay$ments")
                .when().get(REPOS).then().statusCode(200);
        assertThat(ServiceStandIns.INGEST.last().query(), equalTo("team=pay%24ments"));
    }

    @Test
    void bodiesOverTheLimitGet413() {
        String big = "{\"url\": \"" + "x".repeat(5000) + "\"}";
        given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json").body(big)
                .when().post(REPOS).then().statusCode(413).contentType("application/problem+json")
                .body("limitBytes", equalTo(4096));
        given().contentType("application/json").body(big).when().post("/hooks/github").then().statusCode(413);
        assertThat(ServiceStandIns.INGEST.received(), empty());
    }

    @Test
    void idsThatAreNotIdsAre400NamingTheParameter() {
        given().auth().oauth2(Keys.BOOTSTRAP).when().get(REPOS + "/65F1C0FFEE0000000000ABCD/score")
                .then().statusCode(400).body("errors[0].field", equalTo("repoId"));
        given().auth().oauth2(Keys.BOOTSTRAP).when().get(REPOS + "/65f1c0ffee0000000000abcd/commits/zz-not-a-sha")
                .then().statusCode(400).body("errors[0].field", equalTo("sha"));
        given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json").body("[1, 2")
                .when().patch(REPOS + "/65f1c0ffee0000000000abcd")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        assertThat(ServiceStandIns.INGEST.received(), empty());
        assertThat(ServiceStandIns.SCORING.received(), empty());
    }

    @Test
    void corsIsOffByDefault() {
        given().header("Origin", "https://dash.example.com").header("Access-Control-Request-Method", "GET")
                .when().options(REPOS)
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://dash.example.com").auth().oauth2(Keys.BOOTSTRAP)
                .when().get("/api/v1/orgs/acme/summary")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
