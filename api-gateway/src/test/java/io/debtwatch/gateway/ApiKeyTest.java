package io.debtwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys are shown once, stored as a hash, listed without the secret, used, and revoked at once. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
@WithTestResource(ServiceStandIns.class)
class ApiKeyTest {

    private static final String KEYS = "/api/v1/orgs/acme/api-keys";

    @Inject
    MongoClient mongo;

    @BeforeEach
    void reset() {
        ServiceStandIns.resetAll();
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashUsedAndRevoked() {
        JsonPath created = given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json")
                .body("{\"name\": \"ci\", \"scopes\": [\"read\"]}")
                .when().post(KEYS)
                .then().statusCode(201).header("Location", containsString(KEYS + "/")).extract().jsonPath();
        String key = created.getString("key");
        String id = created.getString("id");
        assertThat(key, startsWith("dwk_"));
        assertThat(created.getString("prefix"), equalTo(key.substring(0, 12)));
        assertThat(created.getList("scopes"), equalTo(java.util.List.of("read")));

        Document stored = mongo.getDatabase("debtwatch_gateway").getCollection("api_keys")
                .find(Filters.eq("_id", new ObjectId(id))).first();
        assertThat(stored, notNullValue());
        assertThat("the key itself is never stored", stored.toJson(), not(containsString(key)));
        assertThat(stored.getString("hash").length(), equalTo(64));

        given().auth().oauth2(key).when().get("/api/v1/orgs/acme/summary").then().statusCode(200);
        String listed = given().auth().oauth2(Keys.BOOTSTRAP).when().get(KEYS).then().statusCode(200)
                .body("items.id", hasItem(id)).extract().asString();
        assertThat("listing never shows a key", listed, not(containsString(key)));
        assertThat(listed, not(containsString("hash")));
        given().auth().oauth2(Keys.BOOTSTRAP).when().get(KEYS + "/" + id).then().statusCode(200)
                .body("name", equalTo("ci")).body("lastUsedAt", notNullValue()).body("key", nullValue());

        given().auth().oauth2(Keys.BOOTSTRAP).when().delete(KEYS + "/" + id).then().statusCode(204);
        given().auth().oauth2(key).when().get("/api/v1/orgs/acme/summary").then().statusCode(401);
        given().auth().oauth2(Keys.BOOTSTRAP).when().get(KEYS + "/" + id).then().statusCode(200)
                .body("revokedAt", notNullValue());
        given().auth().oauth2(Keys.BOOTSTRAP).when().delete(KEYS + "/" + id).then().statusCode(404);
    }

    @Test
    void theBootstrapKeyOpensANewOrgOnceAndThenSeesNothingOfIt() {
        String initechKeys = "/api/v1/orgs/initech/api-keys";
        String initechAdmin = given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json")
                .body("{\"name\": \"initech admin\", \"scopes\": [\"admin\"]}")
                .when().post(initechKeys).then().statusCode(201).extract().path("key");

        given().auth().oauth2(initechAdmin).when().get(initechKeys).then().statusCode(200)
                .body("items.name", hasItem("initech admin"));
        given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json")
                .body("{\"name\": \"second\", \"scopes\": [\"admin\"]}")
                .when().post(initechKeys).then().statusCode(404);
        given().auth().oauth2(Keys.BOOTSTRAP).when().get(initechKeys).then().statusCode(404);
        given().auth().oauth2(Keys.BOOTSTRAP).when().get("/api/v1/orgs/initech/summary").then().statusCode(404);
        given().auth().oauth2(initechAdmin).contentType("application/json")
                .body("{\"name\": \"not mine\", \"scopes\": [\"admin\"]}")
                .when().post("/api/v1/orgs/hooli/api-keys").then().statusCode(404);
    }

    @Test
    void badKeyRequestsNameTheField() {
        given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json")
                .body("{\"name\": \"ci\", \"scopes\": [\"read\"], \"owner\": \"me\"}")
                .when().post(KEYS).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("owner"));
        given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json")
                .body("{\"name\": \"ci\", \"scopes\": \"read\"}")
                .when().post(KEYS).then().statusCode(400).body("errors[0].field", equalTo("scopes"));
        given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json")
                .body("{\"name\": {\"first\": 1}, \"scopes\": [\"read\"]}")
                .when().post(KEYS).then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json")
                .body("{\"name\": \"ci\", \"scopes\": [\"read\", \"root\"]}")
                .when().post(KEYS).then().statusCode(400).body("errors[0].field", equalTo("scopes[1]"));
        given().auth().oauth2(Keys.BOOTSTRAP).contentType("application/json").body("{\"name\": \"ci\", ")
                .when().post(KEYS).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Keys.BOOTSTRAP).when().get(KEYS + "/not-an-id").then().statusCode(400)
                .body("errors[0].field", equalTo("keyId"));
    }
}
