package io.debtwatch.scoring.webhooks;

import static io.debtwatch.scoring.webhooks.WebhookTestSupport.create;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.newOrg;
import static io.debtwatch.scoring.webhooks.WebhookTestSupport.path;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The subscription API: create with a secret shown once, read, change, enable/disable, rotate, delete, per org. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class WebhookApiTest {

    private static final String URL = "http://127.0.0.1:9/hook";

    @Test
    void createShowsTheSecretOnceThenCrudWorks() {
        String org = newOrg();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("url", URL, "eventTypes", List.of("score.changed"), "description", "alerts"))
                .post(path(org))
                .then().statusCode(201)
                .header("Location", containsString(path(org) + "/"))
                .body("secret", matchesPattern("^whsec_[A-Za-z0-9+/]{43}=$"))
                .body("eventTypes", contains("score.changed"))
                .body("enabled", equalTo(true))
                .extract().path("id");

        given().get(path(org) + "/" + id).then().statusCode(200)
                .body("url", equalTo(URL)).body("secret", nullValue()).body("description", equalTo("alerts"));
        given().get(path(org)).then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].secret", nullValue());

        given().contentType(ContentType.JSON)
                .body(Map.of("eventTypes", List.of("*"), "filters",
                        Map.of("teams", List.of("payments"), "minIndexChange", 5)))
                .patch(path(org) + "/" + id)
                .then().statusCode(200)
                .body("eventTypes", contains("*")).body("filters.teams", contains("payments"))
                .body("filters.minIndexChange", equalTo(5.0f)).body("url", equalTo(URL));

        given().post(path(org) + "/" + id + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabledReason", equalTo("disabled through the API"));
        given().post(path(org) + "/" + id + "/enable").then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", nullValue());

        given().delete(path(org) + "/" + id).then().statusCode(204);
        given().get(path(org) + "/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void anotherOrgSeesNothing() {
        String org = newOrg();
        String other = newOrg();
        String id = create(org, URL).id();

        given().get(path(other) + "/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("description", "x")).patch(path(other) + "/" + id)
                .then().statusCode(404);
        given().post(path(other) + "/" + id + "/disable").then().statusCode(404);
        given().post(path(other) + "/" + id + "/rotate-secret").then().statusCode(404);
        given().post(path(other) + "/" + id + "/test").then().statusCode(404);
        given().get(path(other) + "/" + id + "/deliveries").then().statusCode(404);
        given().delete(path(other) + "/" + id).then().statusCode(404);
        given().get(path(other)).then().statusCode(200).body("items", empty());
        given().get(path(org) + "/" + id).then().statusCode(200).body("enabled", equalTo(true));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String org = newOrg();
        given().contentType(ContentType.JSON).body(Map.of("url", URL, "eventTypes", List.of("score.exploded")))
                .post(path(org)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("eventTypes"));
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.com/x")).post(path(org))
                .then().statusCode(400).body("errors.field", hasItem("url"));
        given().contentType(ContentType.JSON).body(Map.of("description", "no url")).post(path(org))
                .then().statusCode(400).body("errors.field", hasItem("url"));
        given().contentType(ContentType.JSON).body(Map.of("url", URL, "filters",
                Map.of("minIndexChange", 120, "repositories", List.of("not-an-id")))).post(path(org))
                .then().statusCode(400).body("errors.field", hasItem("filters.minIndexChange"))
                .body("errors.field", hasItem("filters.repositories"));
        given().contentType(ContentType.JSON).body(Map.of("url", URL, "colour", "red")).post(path(org))
                .then().statusCode(400);
        given().get(path(org)).then().body("items", empty());
    }

    @Test
    void rotationHandsOutANewSecretAndKeepsTheOldOneForTheOverlap() {
        String org = newOrg();
        WebhookTestSupport.Created created = create(org, URL);
        String rotated = given().queryParam("overlapSeconds", 3600).post(path(org) + "/" + created.id() + "/rotate-secret")
                .then().statusCode(200)
                .body("secret", matchesPattern("^whsec_.+")).body("previousSecretExpiresAt", notNullValue())
                .extract().path("secret");
        assertNotEquals(created.secret(), rotated);
        given().get(path(org) + "/" + created.id()).then().body("secret", nullValue())
                .body("previousSecretExpiresAt", not(nullValue()));
        given().queryParam("overlapSeconds", -1).post(path(org) + "/" + created.id() + "/rotate-secret")
                .then().statusCode(400).body("errors.field", hasItem("overlapSeconds"));
    }
}
