package io.debtwatch.ingest.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.service.problem.ProblemException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL rules with production settings (no local repositories, SSRF checks on) built from real configuration. */
class UrlValidatorTest {

    @TempDir
    Path dir;

    private static UrlValidator validator(boolean allowLocal, String allowlist) {
        Map<String, String> props = new HashMap<>();
        props.put("debtwatch.ingest.data-dir", "unused");
        props.put("debtwatch.ingest.secret-key", "9axXS31W2uSArTcxZxzWPzt05oh5mibDXXVPeapvsY0=");
        props.put("debtwatch.ingest.allow-local-repositories", Boolean.toString(allowLocal));
        if (allowlist != null) {
            props.put("debtwatch.ingest.url-allowlist", allowlist);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(IngestConfig.class)
                .withSources(new io.smallrye.config.PropertiesConfigSource(props, "test", 100)).build();
        return new UrlValidator(config.getConfigMapping(IngestConfig.class));
    }

    private static final UrlValidator PROD = validator(false, null);

    @ParameterizedTest
    @ValueSource(strings = {"https://140.82.112.3/acme/shop.git", "ssh://git@140.82.112.3/acme/shop.git",
        "git@140.82.112.3:acme/shop.git", "ssh://git@140.82.112.3:2222/acme/shop"})
    void publicHttpsSshAndScpUrlsAreAccepted(String url) {
        RemoteUrl remote = PROD.validate("url", url);
        assertThat(remote.local(), is(false));
        assertThat(remote.key(), equalTo("140.82.112.3/acme/shop"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/a/b", "https://10.1.2.3/a/b", "https://172.16.0.9/a/b",
        "https://192.168.1.10/a/b", "https://169.254.169.254/latest/meta-data", "https://[::1]/a/b",
        "https://[fd12::1]/a/b", "https://[fe80::1]/a/b", "https://[::ffff:10.0.0.1]/a/b", "https://0.0.0.0/a/b",
        "https://100.64.0.1/a/b", "https://localhost/a/b", "https://metadata.google.internal/computeMetadata",
        "git@127.0.0.1:a/b.git", "ssh://git@10.0.0.1/a/b"})
    void internalAddressesAreRefusedInProduction(String url) {
        ProblemException e = assertThrows(ProblemException.class, () -> PROD.validate("url", url));
        assertThat(e.status(), equalTo(400));
        assertThat(e.getMessage(), containsString("url:"));
        assertThat(e.getMessage(), containsString("internal address"));
    }

    @Test
    void anAllowlistedInternalHostIsAccepted() {
        UrlValidator withAllowlist = validator(false, "git.internal.example,10.1.2.3");
        assertThat(withAllowlist.validate("url", "https://10.1.2.3/team/repo.git").host(), equalTo("10.1.2.3"));
        assertThrows(ProblemException.class, () -> withAllowlist.validate("url", "https://10.1.2.4/team/repo.git"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://140.82.112.3/a/b", "ftp://140.82.112.3/a/b", "git://140.82.112.3/a/b",
        "https://user:secret@140.82.112.3/a/b", "https:///a/b", "https://140.82.112.3/", "not a url", ""})
    void otherSchemesCredentialsAndMalformedUrlsAreRefused(String url) {
        ProblemException e = assertThrows(ProblemException.class, () -> PROD.validate("url", url));
        assertThat(e.getMessage(), containsString("url"));
        assertThat(e.getMessage().contains("secret"), is(false));
    }

    @Test
    void localRepositoriesOnlyWhereAllowed() {
        String path = dir.toString();
        assertThrows(ProblemException.class, () -> PROD.validate("url", path));
        assertThrows(ProblemException.class, () -> PROD.validate("url", dir.toUri().toString()));
        UrlValidator local = validator(true, null);
        assertThat(local.validate("url", path).local(), is(true));
        assertThat(local.validate("url", dir.toUri().toString()).key(), equalTo(local.validate("url", path).key()));
        assertThat(local.validate("url", "https://127.0.0.1/a/b").host(), equalTo("127.0.0.1"));
    }

    @Test
    void theSameRepositoryWrittenDifferentlyHasOneKey() {
        assertThat(UrlValidator.keyOf("https://GitHub.com/Acme/Shop.git"), equalTo("github.com/acme/shop"));
        assertThat(UrlValidator.keyOf("git@github.com:acme/shop.git"), equalTo("github.com/acme/shop"));
        assertThat(UrlValidator.keyOf("ssh://git@github.com/acme/shop"), equalTo("github.com/acme/shop"));
        assertThat(UrlValidator.keyOf("https://github.com/acme/shop/"), equalTo("github.com/acme/shop"));
    }
}
