package io.debtwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.debtwatch.gateway.PublicRoutes.Route;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every route the gateway serves is in the OpenAPI document, and every documented route is served. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
@WithTestResource(ServiceStandIns.class)
class OpenApiContractTest {

    @BeforeEach
    void reset() {
        ServiceStandIns.resetAll();
    }

    @Test
    void servedRoutesAndDocumentedRoutesAreTheSame() throws Exception {
        Set<String> served = servedRoutes();
        Set<String> documented = documentedRoutes();
        assertThat(documented, equalTo(served));
        Set<String> walked = new TreeSet<>();
        Stream.concat(PublicRoutes.ALL.stream(), PublicRoutes.HOOKS.stream())
                .forEach(route -> walked.add(route.method() + " " + route.template()));
        assertThat("the authorization suite walks every route", walked, equalTo(served));
    }

    @Test
    void everyDocumentedRouteAnswersAndEveryOperationIsComplete() {
        JsonPath doc = document();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((template, operations) -> operations.forEach((method, operation) -> {
            String name = method.toUpperCase(Locale.ROOT) + " " + template;
            assertThat(name, operation.get("summary"), notNullValue());
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(name, responses, hasKey("400"));
            assertThat(name, responses, hasKey("503"));
            if (template.startsWith("/api/")) {
                assertThat(name, responses, hasKey("401"));
                assertThat(name, responses, hasKey("403"));
                assertThat(name, responses, hasKey("404"));
            }
        }));
        assertThat(doc.getMap("components.securitySchemes"), aMapWithSize(1));
        assertThat(doc.getList("security"), notNullValue());

        Stream.concat(PublicRoutes.ALL.stream(), PublicRoutes.HOOKS.stream())
                .filter(route -> route.server() != PublicRoutes.Server.GATEWAY)
                .forEach(route -> {
                    int status = AuthorizationTest.call(given().auth().oauth2(Keys.BOOTSTRAP), route, "acme")
                            .then().extract().statusCode();
                    assertThat(route.toString(), status, equalTo(200));
                });
        given().auth().oauth2(Keys.BOOTSTRAP).when().get("/api/v1/orgs/acme/api-keys").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/").then().statusCode(200).body(containsString("DebtWatch"));
        assertThat(paths, not(hasKey("/q/health")));
    }

    private static JsonPath document() {
        return given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
    }

    private static Set<String> documentedRoutes() {
        Set<String> routes = new TreeSet<>();
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        paths.forEach((template, operations) -> operations.keySet()
                .forEach(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + template)));
        return routes;
    }

    /** Reads the JAX-RS annotations of every class in the rest package: what the gateway really serves. */
    private static Set<String> servedRoutes() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path dir = Paths.get(OpenApiContractTest.class.getResource("/io/debtwatch/gateway/rest").toURI());
        Set<String> routes = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString();
                Class<?> type = Class.forName("io.debtwatch.gateway.rest." + name.substring(0, name.length() - 6));
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = httpMethod(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        routes.add(verb + " " + base.value() + (sub == null ? "" : sub.value()));
                    }
                }
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }
}
