package io.debtwatch.analyzer;

/** Facts about a file the repository checks use, found by cheap substring scans: a logging
 *  library, an HTTP server, a health endpoint, configuration from the environment. */
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

    private Traits() {
    }

    static void collect(FileContext ctx, String text) {
        if (ctx.testCode) {
            return;
        }
        if (any(text, LOGGING)) {
            ctx.trait("logging");
        }
        if (any(text, HTTP_SERVER)) {
            ctx.trait("http-server");
        }
        if (any(text, HEALTH)) {
            ctx.trait("health-endpoint");
        }
        if (any(text, ENV)) {
            ctx.trait("env-config");
        }
    }

    private static boolean any(String text, String[] needles) {
        for (String n : needles) {
            if (text.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
