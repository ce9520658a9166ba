package io.debtwatch.analysis;

import static io.debtwatch.analysis.Commits.analyse;
import static io.debtwatch.analysis.Commits.discovered;
import static io.debtwatch.analysis.Commits.kafka;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.infra.mongo.MongoTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.types.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/** Re-analysis on request: the latest commit of each repository or whole histories, with progress. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class ReanalysisTest {

    private static final String ORG = "reanalysis-co";
    private static final String JOBS = "/api/v1/orgs/{org}/reanalysis";

    @Test
    void aHistoryIsReanalysedAndPublishedAgainWithProgressVisible() throws Exception {
        String repoId = new ObjectId().toHexString();
        String otherRepo = new ObjectId().toHexString();
        List<CommitAnalyzed> analysed = new ArrayList<>();
        try (GitFixture repo = GitFixture.init(Files.createTempDirectory("history"));
                GitFixture other = GitFixture.init(Files.createTempDirectory("other"));
                TopicReader analyses = new TopicReader(kafka(), Topics.ANALYSES)) {
            for (int i = 1; i <= 3; i++) {
                RevCommit commit = repo.write("app.py", "print('x')\n".repeat(i)).commit("step " + i);
                analysed.add(analyse(analyses, discovered(ORG, repoId, repo.fileUrl(), commit, i)));
            }
            RevCommit lone = other.write("b.py", "print('y')\n").commit("only");
            analyse(analyses, discovered(ORG, otherRepo, other.fileUrl(), lone, 1));

            Response started = given().contentType("application/json")
                    .body("{\"scope\":\"history\",\"repoId\":\"" + repoId + "\"}").post(JOBS, ORG);
            started.then().statusCode(202).body("total", equalTo(3)).body("status", equalTo("running"));
            String id = started.jsonPath().getString("id");
            assertTrue(started.header("Location").endsWith("/api/v1/orgs/" + ORG + "/reanalysis/" + id));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(JOBS + "/{id}", ORG, id).then()
                    .statusCode(200).body("status", equalTo("done")).body("done", equalTo(3))
                    .body("failed", equalTo(0)));

            try (TopicReader fromStart = new TopicReader(kafka(), Topics.ANALYSES)) {
                String eventId = analysed.get(2).eventId();
                List<ConsumerRecord<String, String>> twice = fromStart.await(2,
                        r -> r.value().contains("\"eventId\":\"" + eventId + "\""), Duration.ofSeconds(30));
                assertEquals(2, twice.size(), "published again");
                assertEquals(twice.get(0).value(), twice.get(1).value(), "the same analyzer version, the same analysis");
            }

            String latest = given().contentType("application/json").body("{\"scope\":\"latest\"}").post(JOBS, ORG)
                    .then().statusCode(202).body("total", equalTo(2)).extract().path("id");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(JOBS + "/{id}", ORG, latest)
                    .then().body("status", equalTo("done")).body("done", equalTo(2)));
            given().get(JOBS + "/{id}", "globex", latest).then().statusCode(404);
        }
    }

    @Test
    void badRequestsAreProblems() {
        given().contentType("application/json").body("{\"scope\":\"everything\"}").post(JOBS, ORG).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("scope"));
        given().contentType("application/json").body("{\"scope\":\"latest\",\"repoId\":\"" + new ObjectId().toHexString()
                + "\"}").post(JOBS, ORG).then().statusCode(404);
        given().contentType("application/json").body("{\"scope\":\"latest\",\"repoId\":\"nope\"}").post(JOBS, ORG)
                .then().statusCode(400).body("errors[0].field", equalTo("repoId"));
        given().get(JOBS + "/{id}", ORG, "no-such-job").then().statusCode(404);
    }
}
