package io.debtwatch.gateway.rest;

import io.debtwatch.service.problem.ProblemException;
import java.util.List;
import java.util.Map;

/** The 413 problem of a body over the configured limit, from wherever the size is first known. */
final class BodyLimits {

    private BodyLimits() {
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "the request body is larger than " + limit + " bytes", List.of(), Map.of("limitBytes", limit));
    }
}
