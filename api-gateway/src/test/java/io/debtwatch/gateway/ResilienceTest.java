package io.debtwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A service that stops gets a fast 503 problem, and the gateway recovers by itself when it is back. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
@WithTestResource(ServiceStandIns.class)
class ResilienceTest {

    private static final String SCORE = "/api/v1/orgs/acme/repositories/65f1c0ffee0000000000abcd/score";

    @BeforeEach
    void reset() {
        ServiceStandIns.resetAll();
    }

    @Test
    void aStoppedServiceGetsA503FastAndTheGatewayRecovers() {
        given().auth().oauth2(Keys.BOOTSTRAP).when().get(SCORE).then().statusCode(200);
        ServiceStandIns.SCORING.stop();
        try {
            for (int i = 0; i < 6; i++) {
                long started = System.nanoTime();
                given().auth().oauth2(Keys.BOOTSTRAP).when().get(SCORE)
                        .then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("service", equalTo("scoring-service"));
                assertThat(Duration.ofNanos(System.nanoTime() - started), lessThan(Duration.ofSeconds(2)));
            }
            given().auth().oauth2(Keys.BOOTSTRAP).when().get("/q/health/ready").then().statusCode(503);
        } finally {
            ServiceStandIns.SCORING.start();
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(Keys.BOOTSTRAP).when().get(SCORE).then().statusCode(200)
                        .body("from", equalTo("scoring")));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void writesAreNotRetriedButGetTheSameProblem() {
        ServiceStandIns.INGEST.stop();
        try {
            given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json").body("{}")
                    .when().post("/api/v1/orgs/acme/repositories/65f1c0ffee0000000000abcd/sync")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("service", equalTo("ingest-service"));
        } finally {
            ServiceStandIns.INGEST.start();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Keys.BOOTSTRAP)
                .when().get("/api/v1/orgs/acme/repositories").then().statusCode(200));
    }

    @Test
    void onlyGetsAreRetriedAfterAConnectionFailure() {
        ServiceStandIns.ANALYSIS.dropNext(1);
        given().auth().oauth2(Keys.BOOTSTRAP).when().get("/api/v1/orgs/acme/reanalysis/job-7")
                .then().statusCode(200).body("from", equalTo("analysis"));
        assertThat("the dropped GET was sent again", ServiceStandIns.ANALYSIS.received().size(), equalTo(2));

        ServiceStandIns.resetAll();
        ServiceStandIns.ANALYSIS.dropNext(1);
        given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json").body("{}")
                .when().post("/api/v1/orgs/acme/reanalysis")
                .then().statusCode(503).contentType("application/problem+json");
        assertThat("a POST is never repeated", ServiceStandIns.ANALYSIS.received().size(), equalTo(1));
    }
}
