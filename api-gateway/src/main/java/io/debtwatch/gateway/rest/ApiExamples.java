package io.debtwatch.gateway.rest;

/** Example bodies for the OpenAPI document, kept in one place so operations share them. */
final class ApiExamples {

    static final String REPOSITORY = "{\"id\": \"65f1c0ffee0000000000abcd\", \"org\": \"acme\", "
            + "\"url\": \"https://github.com/acme/payments.git\", \"team\": \"payments\", \"branch\": \"main\", "
            + "\"status\": \"watching\"}";

    static final String SCORE = "{\"repoId\": \"65f1c0ffee0000000000abcd\", \"commit\": \"9fceb02d0ae598e95dc970b74767f19372d61af8\", "
            + "\"index\": 12.4, \"grade\": \"B\", \"explanation\": [{\"indicator\": \"satd\", \"weight\": 0.2, \"value\": 3}]}";

    static final String SUMMARY = "{\"org\": \"acme\", \"index\": 14.1, \"grade\": \"B\", \"linesOfCode\": 182340, "
            + "\"repositoriesPerGrade\": {\"A\": 3, \"B\": 5, \"C\": 1}}";

    static final String TRENDS = "{\"org\": \"acme\", \"from\": \"2026-10-30\", \"to\": \"2026-11-30\", "
            + "\"interval\": \"week\", \"groupBy\": \"team\", \"series\": [{\"key\": \"payments\", \"points\": ["
            + "{\"bucket\": \"2026-W44\", \"start\": \"2026-10-30\", \"end\": \"2026-11-01\", \"index\": 12.0, "
            + "\"grade\": \"A\", \"linesOfCode\": 48210, \"repositories\": 4}, "
            + "{\"bucket\": \"2026-W45\", \"start\": \"2026-11-02\", \"end\": \"2026-11-08\", \"index\": 16.4, "
            + "\"grade\": \"B\", \"linesOfCode\": 49102, \"repositories\": 4}]}]}";

    static final String LEADERBOARD = "{\"org\": \"acme\", \"order\": \"improved\", \"period\": \"30d\", "
            + "\"asOf\": \"2026-11-30\", \"entries\": [{\"rank\": 1, \"repoId\": \"65f1c0ffee0000000000abcd\", "
            + "\"team\": \"payments\", \"index\": 31.5, \"grade\": \"C\", \"linesOfCode\": 12840, "
            + "\"previousIndex\": 44.0, \"change\": -12.5}]}";

    static final String WEBHOOK = "{\"id\": \"65f1c0ffee0000000000beef\", \"url\": \"https://hooks.example.com/debt\", "
            + "\"events\": [\"score.changed\"], \"active\": true}";

    static final String REANALYSIS = "{\"id\": \"65f1c0ffee0000000000cafe\", \"status\": \"running\", "
            + "\"repositories\": 9, \"done\": 4}";

    private ApiExamples() {
    }
}
