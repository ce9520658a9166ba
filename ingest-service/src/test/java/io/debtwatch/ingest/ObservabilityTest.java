package io.debtwatch.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health (Kafka and MongoDB in both probes), Prometheus metrics and the OpenAPI document. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class ObservabilityTest {

    @Test
    void livenessAndReadinessCoverKafkaAndMongo() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("ingest-mongodb"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("ingest-mongodb"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - liveness check"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("debtwatch_ingest_outbox_pending"));
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/orgs/{org}/repositories/{repoId}/sync"));
    }
}
