package io.debtwatch.scoring.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.scoring.service.RefusedUrlException;
import io.debtwatch.scoring.service.WebhookUrlValidator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF guard with production settings (no loopback), with an allowlist, and with the local profile's loopback. */
class WebhookUrlValidatorTest {

    private final WebhookUrlValidator prod = new WebhookUrlValidator(false, List.of());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook", "http://10.0.0.7/hook",
            "http://172.16.5.4/hook", "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/hook", "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://0.0.0.0/hook",
            "http://100.64.0.1/hook", "http://metadata.google.internal/computeMetadata/v1/",
            "http://[::ffff:127.0.0.1]/hook", "http://2130706433/hook", "ftp://93.184.215.14/hook",
            "http://user:pw@93.184.215.14/hook", "not a url", "http:///nohost"})
    void productionRefuses(String url) {
        assertThrows(RefusedUrlException.class, () -> prod.check(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hook", "http://8.8.8.8:8080/x", "https://[2606:4700::1111]/hook"})
    void productionAcceptsPublicAddresses(String url) {
        assertEquals(url, prod.check(url).toString());
    }

    @Test
    void theRefusalSaysWhy() {
        RefusedUrlException e = assertThrows(RefusedUrlException.class,
                () -> prod.check("http://169.254.169.254/latest/meta-data/"));
        assertTrue(e.getMessage().contains("link-local"), e.getMessage());
    }

    @Test
    void anAllowlistMakesExceptionsByRangeOrHost() {
        WebhookUrlValidator allowlisted = new WebhookUrlValidator(false, List.of("10.1.0.0/16", "localhost"));
        allowlisted.check("http://10.1.2.3/hook");
        allowlisted.check("http://localhost:9000/hook");
        assertThrows(RefusedUrlException.class, () -> allowlisted.check("http://10.2.0.1/hook"));
        assertThrows(RefusedUrlException.class, () -> allowlisted.check("http://127.0.0.1/hook"));
    }

    @Test
    void theLocalProfileAllowsLoopbackOnly() {
        WebhookUrlValidator local = new WebhookUrlValidator(true, List.of());
        local.check("http://127.0.0.1:8183/hook");
        local.check("http://localhost/hook");
        assertThrows(RefusedUrlException.class, () -> local.check("http://10.0.0.1/hook"));
        assertThrows(RefusedUrlException.class, () -> local.check("http://169.254.169.254/"));
    }
}
