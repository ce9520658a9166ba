package io.debtwatch.ingest;

import static io.restassured.RestAssured.given;

import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.Topics;
import io.debtwatch.infra.kafka.KafkaTestResource;
import io.debtwatch.testsupport.GitFixture;
import io.debtwatch.testsupport.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the ingest tests share: registering through the API and reading what reached the commits topic. */
public final class IngestTestSupport {

    private IngestTestSupport() {
    }

    /**
     * @param org  the organisation
     * @param body the registration body
     * @return the response, for assertions
     */
    public static ValidatableResponse register(String org, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/orgs/" + org + "/repositories")
                .then();
    }

    /**
     * @param org  the organisation
     * @param body the registration body
     * @return the new repository's id
     */
    public static String registered(String org, Map<String, Object> body) {
        return register(org, body).statusCode(201).extract().path("id");
    }

    /**
     * Waits until the repository resource satisfies a condition.
     *
     * @param org       the organisation
     * @param id        the repository
     * @param condition a check on the repository's JSON
     * @return the repository JSON that satisfied it
     */
    public static JsonPath awaitRepository(String org, String id, Predicate<JsonPath> condition) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .alias("repository " + id + " reaching the expected state")
                .until(() -> {
                    JsonPath json = given().get(location(org, id)).then().statusCode(200).extract().jsonPath();
                    last.set(json);
                    return condition.test(json);
                });
        return last.get();
    }

    /**
     * @param org the organisation
     * @param id  the repository
     * @return its path
     */
    public static String location(String org, String id) {
        return "/api/v1/orgs/" + org + "/repositories/" + id;
    }

    /**
     * @param org the organisation
     * @param id  the repository
     */
    public static void syncNow(String org, String id) {
        given().post(location(org, id) + "/sync").then().statusCode(202);
    }

    /**
     * @param dir an empty or missing folder
     * @return the folder, now a repository with one commit on {@code main}
     */
    public static Path repositoryWithOneCommit(Path dir) {
        try (GitFixture git = GitFixture.init(dir)) {
            git.write("a.txt", "1").commit("c1");
        }
        return dir;
    }

    /**
     * Vouches for an SSH host in the known_hosts file the service reads
     * ({@code debtwatch.ingest.ssh.known-hosts}), replacing what an earlier server on the same port left.
     *
     * @param line a known_hosts line, {@code [127.0.0.1]:port keytype base64}
     */
    public static void trustSshHost(String line) {
        Path file = Path.of(ConfigProvider.getConfig().getValue("debtwatch.ingest.ssh.known-hosts", String.class));
        String address = line.substring(0, line.indexOf(' ') + 1);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            List<String> kept = Files.exists(file) ? Files.readAllLines(file).stream()
                    .filter(l -> !l.startsWith(address)).toList() : List.of();
            Files.write(file, java.util.stream.Stream.concat(kept.stream(), java.util.stream.Stream.of(line))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param repoId a repository
     * @param count  how many of its commits to wait for
     * @return its CommitDiscovered events seen on the topic
     */
    public static List<CommitDiscovered> commits(String repoId, int count) {
        return commits(repoId, count, Duration.ofSeconds(20));
    }

    public static List<CommitDiscovered> commits(String repoId, int count, Duration timeout) {
        try (TopicReader reader = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.COMMITS)) {
            return reader.await(count, r -> repoId.equals(r.key()), timeout).stream()
                    .map(r -> EventJson.read(r.value(), CommitDiscovered.class)).toList();
        }
    }
}
