package io.debtwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.debtwatch.gateway.PublicRoutes.Route;
import io.debtwatch.gateway.service.ApiKeyService;
import io.debtwatch.gateway.service.Scope;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks every public path with no key, an unknown key, another org's key, too small a scope and a
 * revoked key: each gets its exact status as a problem document, and nothing reaches a service.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
@WithTestResource(ServiceStandIns.class)
class AuthorizationTest {

    @Inject
    ApiKeyService keys;

    @BeforeEach
    void reset() {
        ServiceStandIns.resetAll();
    }

    @Test
    void noKeyOrAnUnknownKeyIs401OnEveryPath() {
        for (Route route : PublicRoutes.ALL) {
            call(given(), route, "acme").then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .header("X-Request-Id", notNullValue());
            call(given().auth().oauth2("dwk_not-a-key-at-all"), route, "acme").then().statusCode(401)
                    .contentType("application/problem+json");
            call(given().header("Authorization", "Basic dXNlcjpwYXNz"), route, "acme").then().statusCode(401);
        }
        assertNothingForwarded();
    }

    @Test
    void anotherOrgsKeyIs404OnEveryPathAndSeesNothing() {
        String globexAdmin = keys.issue("globex", "globex admin", Set.of(Scope.ADMIN)).key();
        ServiceStandIns.SCORING.answer(200, Map.of("Content-Type", "application/json"), "{\"org\": \"acme\", \"secret\": 42}");
        for (Route route : PublicRoutes.ALL) {
            String body = call(given().auth().oauth2(globexAdmin), route, "acme").then().statusCode(404)
                    .contentType("application/problem+json").extract().asString();
            assertThat(route.toString(), body, not(containsString("\"secret\"")));
            call(given().auth().oauth2(Keys.BOOTSTRAP), route, "globex").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        assertNothingForwarded();
    }

    @Test
    void aKeyWithTooSmallAScopeIs403() {
        String read = keys.issue("acme", "reader", Set.of(Scope.READ)).key();
        String write = keys.issue("acme", "writer", Set.of(Scope.WRITE)).key();
        int checked = 0;
        for (Route route : PublicRoutes.ALL) {
            if (!"read".equals(route.scope())) {
                call(given().auth().oauth2(read), route, "acme").then().statusCode(403)
                        .contentType("application/problem+json").body("detail", containsString(route.scope()));
                checked++;
            }
            if ("admin".equals(route.scope())) {
                call(given().auth().oauth2(write), route, "acme").then().statusCode(403);
            }
        }
        assertThat(checked > 10, equalTo(true));
        assertNothingForwarded();
    }

    @Test
    void aRevokedKeyIs401AtOnce() {
        ApiKeyService.IssuedKey admin = keys.issue("acme", "soon revoked", Set.of(Scope.ADMIN));
        given().auth().oauth2(admin.key()).when().get("/api/v1/orgs/acme/summary").then().statusCode(200);
        given().auth().oauth2(Keys.BOOTSTRAP).when().delete("/api/v1/orgs/acme/api-keys/" + admin.stored().id())
                .then().statusCode(204);
        ServiceStandIns.resetAll();
        for (Route route : PublicRoutes.ALL) {
            call(given().auth().oauth2(admin.key()), route, "acme").then().statusCode(401)
                    .body("detail", containsString("revoked"));
        }
        assertNothingForwarded();
    }

    @Test
    void theRightKeyReachesTheRightServiceWithItsOrgInThePath() {
        String write = keys.issue("acme", "writer", Set.of(Scope.WRITE)).key();
        for (Route route : PublicRoutes.ALL) {
            if (route.server() == PublicRoutes.Server.GATEWAY) {
                continue;
            }
            String key = "admin".equals(route.scope()) ? Keys.BOOTSTRAP : write;
            ServiceStandIns.resetAll();
            call(given().auth().oauth2(key), route, "acme").then().statusCode(200);
            StandInServer server = switch (route.server()) {
                case INGEST -> ServiceStandIns.INGEST;
                case ANALYSIS -> ServiceStandIns.ANALYSIS;
                default -> ServiceStandIns.SCORING;
            };
            assertThat(route.toString(), server.last().method(), equalTo(route.method()));
            assertThat(route.toString(), server.last().path(), equalTo(route.path("acme")));
        }
    }

    static Response call(RequestSpecification request, Route route, String org) {
        if (route.hasBody()) {
            request = request.contentType("application/json").body("{}");
        }
        return request.when().request(route.method(), route.path(org));
    }

    private static void assertNothingForwarded() {
        for (StandInServer server : List.of(ServiceStandIns.INGEST, ServiceStandIns.ANALYSIS, ServiceStandIns.SCORING)) {
            assertThat(server.received(), empty());
        }
    }
}
