package io.debtwatch.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.debtwatch.events.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Real GitHub push payloads (from ../shared/data) pointed at a test repository, and their signatures. */
final class GitHubPayloads {

    private GitHubPayloads() {
    }

    static byte[] push(String repositoryUrl, String ref, String after) throws IOException {
        ObjectNode payload = (ObjectNode) EventJson.mapper().readTree(examples().resolve("push.0.json").toFile());
        payload.put("ref", ref);
        payload.put("after", after);
        ObjectNode repository = (ObjectNode) payload.get("repository");
        for (String field : List.of("clone_url", "html_url", "ssh_url", "git_url", "svn_url")) {
            repository.put(field, repositoryUrl);
        }
        return EventJson.mapper().writeValueAsBytes(payload);
    }

    static String sign(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static Path examples() {
        Path data = Path.of(System.getProperty("user.dir")).getParent().resolve("../shared/data/github-webhooks")
                .normalize();
        if (!Files.isDirectory(data)) {
            throw new IllegalStateException("GitHub example payloads not found at " + data);
        }
        return data;
    }
}
