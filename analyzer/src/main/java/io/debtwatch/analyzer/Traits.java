package io.debtwatch.analyzer;

/** Facts about a file the repository checks use, found by one scan of its bytes for known substrings: a
 *  logging library, an HTTP server, a health endpoint, configuration from the environment. */
final class Traits {
    private static final String[] LOGGING = {"org.slf4j", "java.util.logging", "org.apache.logging", "org.apache.log4j",
        "org.jboss.logging", "io.quarkus.logging", "ch.qos.logback", "System.Logger", "import logging", "from logging",
        "loguru", "structlog", "winston", "pino", "bunyan", "log4js", "\"log/slog\"", "go.uber.org/zap", "sirupsen/logrus",
        "rs/zerolog", "\"log\"", "@Slf4j", "getLogger("};
    private static final String[] HTTP_SERVER = {"org.springframework.web", "jakarta.ws.rs", "javax.ws.rs", "io.javalin",
        "com.sun.net.httpserver", "express()", "require('express')", "from 'express'", "fastify", "from flask", "import flask",
        "fastapi", "django", "aiohttp", "\"net/http\"", "gin-gonic", "labstack/echo", "gorilla/mux", "go-chi", "@RestController",
        "@Path(", "koa"};
    private static final String[] HEALTH = {"/health", "/healthz", "/q/health", "/readyz", "/livez", "actuator",
        "microprofile.health", "smallrye.health", "HealthCheck", "health_check"};
    private static final String[] ENV = {"getenv", "os.environ", "process.env", "os.Getenv", "@ConfigProperty",
        "@ConfigMapping", "@Value(", "dotenv", "viper.", "ConfigFactory", "config.get(", "settings."};

    private static final String[] TRAITS = {"logging", "http-server", "health-endpoint", "env-config"};
    /** Every needle of the four lists as bytes with the index of its trait, listed under its first byte, so one
     *  pass over the file finds them all (the needles are ASCII, so matching the UTF-8 bytes matches the text). */
    private static final Needle[][] BY_FIRST_BYTE = index(LOGGING, HTTP_SERVER, HEALTH, ENV);

    private record Needle(byte[] bytes, int trait) {
    }

    private Traits() {
    }

    static void collect(FileContext ctx) {
        if (ctx.testCode) {
            return;
        }
        byte[] b = ctx.bytes;
        int all = (1 << TRAITS.length) - 1;
        int found = 0;
        for (int i = 0; i < b.length && found != all; i++) {
            Needle[] candidates = BY_FIRST_BYTE[b[i] & 0xff];
            if (candidates == null) {
                continue;
            }
            for (Needle n : candidates) {
                if ((found & 1 << n.trait) == 0 && at(b, i, n.bytes)) {
                    found |= 1 << n.trait;
                }
            }
        }
        for (int t = 0; t < TRAITS.length; t++) {
            if ((found & 1 << t) != 0) {
                ctx.trait(TRAITS[t]);
            }
        }
    }

    private static boolean at(byte[] b, int i, byte[] needle) {
        if (i + needle.length > b.length) {
            return false;
        }
        for (int k = 1; k < needle.length; k++) {
            if (b[i + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    private static Needle[][] index(String[]... lists) {
        java.util.List<java.util.List<Needle>> byFirst = new java.util.ArrayList<>();
        for (int c = 0; c < 256; c++) {
            byFirst.add(new java.util.ArrayList<>());
        }
        for (int t = 0; t < lists.length; t++) {
            for (String needle : lists[t]) {
                byte[] bytes = needle.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byFirst.get(bytes[0] & 0xff).add(new Needle(bytes, t));
            }
        }
        Needle[][] table = new Needle[256][];
        for (int c = 0; c < 256; c++) {
            if (!byFirst.get(c).isEmpty()) {
                table[c] = byFirst.get(c).toArray(new Needle[0]);
            }
        }
        return table;
    }
}
