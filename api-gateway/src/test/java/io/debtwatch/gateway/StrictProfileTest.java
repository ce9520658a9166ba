package io.debtwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway with a tiny rate limit, CORS for one origin, and the service-support internal-token check
 * switched on, as a service has it.
 */
@QuarkusTest
@TestProfile(StrictProfileTest.Strict.class)
@WithTestResource(MongoTestResource.class)
@WithTestResource(ServiceStandIns.class)
class StrictProfileTest {

    private static final String TOKEN = "svc-token-for-test";
    private static final String SUMMARY = "/api/v1/orgs/acme/summary";

    /** Three calls per burst, one token back every five seconds. */
    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("debtwatch.gateway.rate-limit.capacity", "3",
                    "debtwatch.gateway.rate-limit.refill-per-second", "0.2",
                    "quarkus.http.cors.enabled", "true",
                    "quarkus.http.cors.origins", "https://dash.example.com",
                    "debtwatch.internal-token", TOKEN,
                    "debtwatch.internal-token-required", "true");
        }
    }

    @Test
    void theFourthCallInABurstGets429WithRetryAfterAndRateLimitHeaders() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("X-DebtWatch-Internal-Token", TOKEN).auth().oauth2(Keys.BOOTSTRAP).when().get(SUMMARY)
                    .then().statusCode(200).header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining))
                    .header("RateLimit-Reset", notNullValue());
        }
        given().header("X-DebtWatch-Internal-Token", TOKEN).auth().oauth2(Keys.BOOTSTRAP).when().get(SUMMARY)
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", oneOf("1", "2", "3", "4", "5"))
                .header("RateLimit-Remaining", "0");
    }

    @Test
    void corsAnswersOnlyTheConfiguredOrigin() {
        given().header("Origin", "https://dash.example.com").header("Access-Control-Request-Method", "GET")
                .when().options(SUMMARY)
                .then().header("Access-Control-Allow-Origin", "https://dash.example.com")
                .header("Access-Control-Allow-Credentials", not("true"));
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET")
                .when().options(SUMMARY)
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void withTheInternalTokenRequiredOnlyCallsCarryingItGetIn() {
        given().auth().oauth2(Keys.BOOTSTRAP).when().get(SUMMARY)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://debtwatch.io/problems/internal-credential"));
        given().header("X-DebtWatch-Internal-Token", "wrong").when().get(SUMMARY).then().statusCode(401);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
