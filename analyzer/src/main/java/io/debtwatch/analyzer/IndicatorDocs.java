package io.debtwatch.analyzer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generates docs/indicators.md from the catalogue, the thresholds and the SATD evaluation.
 *  Usage: IndicatorDocs OUTPUT.md (IndicatorDocsTest fails when the committed file is stale). */
public final class IndicatorDocs {
    private IndicatorDocs() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args.length > 0 ? args[0] : "docs/indicators.md"), render());
    }

    public static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Indicators\n\n");
        sb.append("Generated from `Catalogue` by `io.debtwatch.analyzer.IndicatorDocs` (analyzer ").append(Analyzer.VERSION)
                .append("); do not edit by hand. Regenerate with\n`./mvnw -q -pl analyzer test -Dtest=IndicatorDocsTest -Ddocs.update=true`.\n\n");
        sb.append("Languages: `java`, `python`, `javascript`, `typescript` and `go` are parsed with tree-sitter and\n")
                .append("matched on the syntax tree; `all` also covers every other text file (line rules); `code` means tree\n")
                .append("languages plus other programming languages, never configuration files; `repository` entries are\n")
                .append("checks over the whole snapshot; `commit` entries look at commit messages. `typescript` covers `.ts`,\n")
                .append("`.mts` and `.cts` files, parsed with the TypeScript grammar, and `.tsx` files, parsed with the TSX grammar\n")
                .append("(TypeScript with JSX elements).\n\n");
        sb.append("Findings in test code are reported with `testCode: true` and do not count for the score; prints,\n")
                .append("hardcoded configuration, secrets-looking fixtures, sleeps, exits and size rules are not reported in tests at all.\n")
                .append("Suppress one finding with `debtwatch:ignore <indicator-id>` on its line or the line above.\n\n");
        Map<String, List<Indicator>> byCategory = new LinkedHashMap<>();
        for (Indicator i : Catalogue.ALL) {
            byCategory.computeIfAbsent(i.category(), k -> new java.util.ArrayList<>()).add(i);
        }
        sb.append("| id | category | severity | minutes | languages | what |\n|---|---|---|---|---|---|\n");
        for (Indicator i : Catalogue.ALL) {
            sb.append("| `").append(i.id()).append("` | ").append(i.category()).append(" | ").append(i.severity()).append(" | ")
                    .append(i.remediationMinutes()).append(" | ").append(String.join(", ", i.languages())).append(" | ")
                    .append(i.title()).append(" |\n");
        }
        byCategory.forEach((category, list) -> {
            sb.append("\n## ").append(category).append("\n");
            for (Indicator i : list) {
                sb.append("\n### `").append(i.id()).append("`\n\n").append(i.title()).append(". ").append(i.rationale()).append("\n\n");
                sb.append("- severity ").append(i.severity()).append(", ").append(i.remediationMinutes()).append(" minutes to fix; languages: ")
                        .append(String.join(", ", i.languages())).append("\n");
                sb.append("- bad: `").append(i.bad().replace("\n", "\\n")).append("`\n");
                sb.append("- good: `").append(i.good().replace("\n", "\\n")).append("`\n");
            }
        });
        sb.append("\n## Thresholds\n\nSet in `.debtwatch.yml` under `thresholds:`.\n\n| name | default |\n|---|---|\n");
        AnalysisSettings.DEFAULT_THRESHOLDS.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
        sb.append("""

                Example `.debtwatch.yml` (an invalid file stops the scan with the key and line at fault):

                ```yaml
                exclude:
                  - "generated/**"
                  - legacy/
                disable: [observability.print]
                thresholds:
                  function-lines: 80
                ```

                ## SATD classifier

                Each comment is judged by a multinomial naive Bayes model over lowercased word unigrams and bigrams
                (each counted once per comment, features seen in at least two comments, Laplace smoothing 0.5),
                trained only on `shared/data/satd/maldonado-train.csv` (six projects, WITHOUT_CLASSIFICATION mapped to
                NONE). A tagged comment (TODO, FIXME, HACK, XXX, KLUDGE) is always debt and the model gives its type;
                an untagged comment is debt when the best debt type beats NONE by a log-odds margin of 6 (chosen on the
                leave-one-project-out runs: margins 0, 2, 4, 6, 8 gave F1 0.700, 0.773, 0.798, 0.811, 0.812 with the tag rule).
                The model ships as `analyzer/src/main/resources/io/debtwatch/analyzer/satd-model.bin.gz`, a small binary
                format (each weight a whole number of ten-thousandths) that loads far faster than parsing text.

                Reproduce the model and the table below (about 30 s):

                ```
                ./mvnw -q -pl analyzer compile && java -cp analyzer/target/classes io.debtwatch.analyzer.satd.SatdTrainer \\
                  ../shared/data/satd/maldonado-train.csv \\
                  analyzer/src/main/resources/io/debtwatch/analyzer/satd-model.bin.gz \\
                  analyzer/src/main/resources/io/debtwatch/analyzer/satd-evaluation.md
                ```

                Leave-one-project-out (train on five projects, test on the sixth), debt vs. not debt. "Shipped" is
                what the analyzer and `debtwatch satd` do (tag rule plus model); "model alone" ignores tags; the
                keyword baseline flags a comment with a tag or an admission phrase ("temporary", "workaround",
                "for now", "hack", ...).

                """);
        sb.append(resource("/io/debtwatch/analyzer/satd-evaluation.md"));
        return sb.toString();
    }

    private static String resource(String name) {
        try (InputStream in = IndicatorDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
