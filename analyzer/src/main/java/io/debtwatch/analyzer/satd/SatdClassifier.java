package io.debtwatch.analyzer.satd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Naive Bayes over word unigrams and bigrams: NONE or the debt type (DESIGN, DEFECT,
 *  IMPLEMENTATION, TEST, DOCUMENTATION). Immutable and thread-safe. */
public final class SatdClassifier {
    public static final String NONE = "NONE";
    /** Where the shipped model lives on the classpath. */
    public static final String RESOURCE = "/io/debtwatch/analyzer/satd-model.txt.gz";
    private static volatile SatdClassifier shipped;

    final List<String> classes;
    final double[] priors;
    final double[] unknown;
    final Map<String, double[]> weights;
    final double bias;

    SatdClassifier(List<String> classes, double[] priors, double[] unknown, Map<String, double[]> weights, double bias) {
        this.classes = List.copyOf(classes);
        this.priors = priors;
        this.unknown = unknown;
        this.weights = weights;
        this.bias = bias;
    }

    /** The model shipped in the jar, loaded once. */
    public static SatdClassifier shipped() {
        SatdClassifier model = shipped;
        if (model == null) {
            synchronized (SatdClassifier.class) {
                if (shipped == null) {
                    shipped = load();
                }
                model = shipped;
            }
        }
        return model;
    }

    /** NONE, or the type of self-admitted debt the comment expresses. */
    public String classify(String comment) {
        double[] scores = priors.clone();
        for (String feature : Features.of(comment)) {
            double[] w = weights.get(feature);
            if (w != null) {
                for (int c = 0; c < scores.length; c++) {
                    scores[c] += w[c];
                }
            }
        }
        int best = 1;
        for (int c = 2; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return scores[best] - scores[0] > bias ? classes.get(best) : NONE;
    }

    void write(Writer out) throws IOException {
        out.write("debtwatch-satd-model 1\n");
        out.write("classes " + String.join(" ", classes) + "\n");
        out.write("bias " + bias + "\n");
        out.write("prior " + join(priors) + "\n");
        out.write("unknown " + join(unknown) + "\n");
        for (Map.Entry<String, double[]> e : new java.util.TreeMap<>(weights).entrySet()) {
            out.write(e.getKey().replace(' ', '_') + " " + join(e.getValue()) + "\n");
        }
    }

    private static String join(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format(java.util.Locale.ROOT, "%.4f", v));
        }
        return sb.toString();
    }

    private static SatdClassifier load() {
        try (InputStream raw = SatdClassifier.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("SATD model " + RESOURCE + " missing from the classpath");
            }
            return read(new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SATD model", e);
        }
    }

    static SatdClassifier read(BufferedReader in) throws IOException {
        if (!"debtwatch-satd-model 1".equals(in.readLine())) {
            throw new IOException("not a debtwatch SATD model");
        }
        List<String> classes = List.of(in.readLine().substring("classes ".length()).split(" "));
        double bias = Double.parseDouble(in.readLine().substring("bias ".length()));
        double[] priors = parse(in.readLine().substring("prior ".length()));
        double[] unknown = parse(in.readLine().substring("unknown ".length()));
        Map<String, double[]> weights = new HashMap<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int space = line.indexOf(' ');
            weights.put(line.substring(0, space).replace('_', ' '), parse(line.substring(space + 1)));
        }
        return new SatdClassifier(classes, priors, unknown, weights, bias);
    }

    private static double[] parse(String s) {
        String[] parts = s.split(" ");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return v;
    }
}
