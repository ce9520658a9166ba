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

    static final String WEBHOOK = "{\"id\": \"65f1c0ffee0000000000beef\", \"url\": \"https://hooks.example.com/debt\", "
            + "\"events\": [\"score.changed\"], \"active\": true}";

    static final String REANALYSIS = "{\"id\": \"65f1c0ffee0000000000cafe\", \"status\": \"running\", "
            + "\"repositories\": 9, \"done\": 4}";

    private ApiExamples() {
    }
}
