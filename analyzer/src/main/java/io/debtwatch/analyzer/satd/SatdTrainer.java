package io.debtwatch.analyzer.satd;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/** Trains the SATD classifier on shared/data/satd/maldonado-train.csv, evaluates it
 *  leave-one-project-out beside the keyword baseline, and writes the model.
 *  Usage: SatdTrainer DATA_CSV MODEL_OUT.gz [REPORT_OUT.md] */
public final class SatdTrainer {
    static final List<String> CLASSES = List.of("NONE", "DESIGN", "DEFECT", "IMPLEMENTATION", "TEST", "DOCUMENTATION");
    private static final double ALPHA = 0.5;
    private static final int MIN_DOC_FREQ = 2;
    /** Log-odds margin SATD must win by over NONE; chosen on the training folds (see docs/indicators.md). */
    static final double BIAS = 6.0;

    /** One labelled comment. */
    record Example(String project, String label, String text) {
    }

    private SatdTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SatdTrainer DATA_CSV MODEL_OUT.gz [REPORT_OUT.md]");
        }
        List<Example> data = read(Path.of(args[0]));
        SatdClassifier model = train(data, BIAS);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(Path.of(args[1]))))) {
            model.write(out);
        }
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), evaluate(data));
        }
    }

    /** Reads the CSV (projectname,classification,commenttext; quoted fields may span lines). */
    static List<Example> read(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean header = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || i == text.length() - 1) {
                if (c != '\n') {
                    field.append(c);
                }
                fields.add(field.toString());
                field.setLength(0);
                if (!header && fields.size() >= 3 && CLASSES.contains(label(fields.get(1)))) {
                    examples.add(new Example(fields.get(0), label(fields.get(1)), fields.get(2)));
                }
                header = false;
                fields.clear();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        return examples;
    }

    private static String label(String raw) {
        String l = raw.strip().toUpperCase(Locale.ROOT);
        return l.equals("WITHOUT_CLASSIFICATION") ? "NONE" : l;
    }

    static SatdClassifier train(List<Example> data, double bias) {
        int k = CLASSES.size();
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Integer> docFreq = new HashMap<>();
        int[] docs = new int[k];
        long[] totals = new long[k];
        for (Example e : data) {
            int c = CLASSES.indexOf(e.label());
            docs[c]++;
            for (String f : Features.of(e.text())) {
                counts.computeIfAbsent(f, x -> new int[k])[c]++;
                docFreq.merge(f, 1, Integer::sum);
            }
        }
        Map<String, int[]> kept = new HashMap<>();
        counts.forEach((f, v) -> {
            if (docFreq.get(f) >= MIN_DOC_FREQ) {
                kept.put(f, v);
                for (int c = 0; c < k; c++) {
                    totals[c] += v[c];
                }
            }
        });
        double vocab = kept.size();
        double[] priors = new double[k];
        double[] unknown = new double[k];
        for (int c = 0; c < k; c++) {
            priors[c] = Math.log((docs[c] + 1.0) / (data.size() + k));
            unknown[c] = Math.log(ALPHA / (totals[c] + ALPHA * vocab));
        }
        Map<String, double[]> weights = new HashMap<>();
        kept.forEach((f, v) -> {
            double[] w = new double[k];
            for (int c = 0; c < k; c++) {
                w[c] = Math.log((v[c] + ALPHA) / (totals[c] + ALPHA * vocab));
            }
            weights.put(f, w);
        });
        return new SatdClassifier(CLASSES, priors, unknown, weights, bias);
    }

    /** Leave-one-project-out precision, recall and F1 of the classifier and of the keyword baseline. */
    static String evaluate(List<Example> data) {
        Set<String> projects = new TreeSet<>();
        data.forEach(e -> projects.add(e.project()));
        Map<String, int[][]> perProject = new LinkedHashMap<>();
        int[][] total = new int[3][3];
        for (String project : projects) {
            List<Example> train = data.stream().filter(e -> !e.project().equals(project)).toList();
            List<Example> test = data.stream().filter(e -> e.project().equals(project)).toList();
            SatdClassifier model = train(train, BIAS);
            int[][] counts = new int[3][3];
            for (Example e : test) {
                boolean actual = !e.label().equals("NONE");
                tally(counts[0], actual, !SatdClassifier.NONE.equals(model.classify(e.text())));
                tally(counts[1], actual, !SatdClassifier.NONE.equals(model.classifyUntagged(e.text())));
                tally(counts[2], actual, Satd.keywordBaseline(e.text()));
            }
            perProject.put(project, counts);
            for (int m = 0; m < 3; m++) {
                for (int i = 0; i < 3; i++) {
                    total[m][i] += counts[m][i];
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| held-out project | comments | shipped classifier P | R | F1 | model alone P | R | F1 | keyword baseline P | R | F1 |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        perProject.forEach((p, c) -> sb.append(row(p, data.stream().filter(e -> e.project().equals(p)).count(), c)));
        sb.append(row("**all (micro)**", data.size(), total));
        return sb.toString();
    }

    private static void tally(int[] c, boolean actual, boolean predicted) {
        if (predicted && actual) {
            c[0]++;
        } else if (predicted) {
            c[1]++;
        } else if (actual) {
            c[2]++;
        }
    }

    private static String row(String name, long n, int[][] c) {
        return "| " + name + " | " + n + " | " + prf(c[0]) + " | " + prf(c[1]) + " | " + prf(c[2]) + " |\n";
    }

    private static String prf(int[] c) {
        double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return String.format(Locale.ROOT, "%.3f | %.3f | %.3f", p, r, f);
    }

}
