package io.debtwatch.analyzer.satd;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Naive Bayes over word unigrams and bigrams: NONE or the debt type (DESIGN, DEFECT,
 *  IMPLEMENTATION, TEST, DOCUMENTATION). Immutable and thread-safe. */
public final class SatdClassifier {
    public static final String NONE = "NONE";
    /** Where the shipped model lives on the classpath. */
    public static final String RESOURCE = "/io/debtwatch/analyzer/satd-model.bin.gz";
    private static final String MAGIC = "debtwatch-satd-model 2";
    /** Weights are stored as whole ten-thousandths. */
    private static final double SCALE = 10_000.0;
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

    /** Starts loading the shipped model on a background thread, so a short-lived process (the CLI) has it
     *  ready by the time the first comment needs it; shipped() waits for that load instead of starting another. */
    public static void preload() {
        Thread loader = new Thread(SatdClassifier::shipped, "satd-model-preload");
        loader.setDaemon(true);
        loader.start();
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

    /** NONE, or the type of self-admitted debt the comment expresses: a comment carrying a debt tag (see Satd)
     *  is always debt and the model picks its type; an untagged one is debt when the model's
     *  log-odds over NONE exceed the bias. */
    public String classify(String comment) {
        return label(comment, Satd.tag(comment) != null);
    }

    /** The model alone, without the tag rule (reported beside it in docs/indicators.md). */
    public String classifyUntagged(String comment) {
        return label(comment, false);
    }

    private String label(String comment, boolean tagged) {
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
        return tagged || scores[best] - scores[0] > bias ? classes.get(best) : NONE;
    }

    /** Writes the model: a small binary format (gzip'ed by the caller) that loads in a fraction of the
     *  time a text format needs to be parsed. Every weight is kept to four decimals, as a whole number of
     *  ten-thousandths, so a model reads back to exactly the same doubles wherever it is loaded. */
    void write(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(classes.size());
        for (String c : classes) {
            out.writeUTF(c);
        }
        writeValues(out, new double[] {bias});
        writeValues(out, priors);
        writeValues(out, unknown);
        out.writeInt(weights.size());
        for (Map.Entry<String, double[]> e : new java.util.TreeMap<>(weights).entrySet()) {
            out.writeUTF(e.getKey());
            writeValues(out, e.getValue());
        }
    }

    private static void writeValues(DataOutputStream out, double[] values) throws IOException {
        for (double v : values) {
            out.writeInt(Math.toIntExact(Math.round(v * SCALE)));
        }
    }

    private static SatdClassifier load() {
        try (InputStream raw = SatdClassifier.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("SATD model " + RESOURCE + " missing from the classpath");
            }
            return read(new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SATD model", e);
        }
    }

    static SatdClassifier read(DataInputStream in) throws IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a debtwatch SATD model");
        }
        int n = in.readInt();
        List<String> classes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            classes.add(in.readUTF());
        }
        double bias = readValues(in, 1)[0];
        double[] priors = readValues(in, n);
        double[] unknown = readValues(in, n);
        int features = in.readInt();
        Map<String, double[]> weights = new HashMap<>(features * 4 / 3 + 1);
        for (int i = 0; i < features; i++) {
            weights.put(in.readUTF(), readValues(in, n));
        }
        return new SatdClassifier(classes, priors, unknown, weights, bias);
    }

    private static double[] readValues(DataInputStream in, int n) throws IOException {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readInt() / SCALE;
        }
        return v;
    }
}
