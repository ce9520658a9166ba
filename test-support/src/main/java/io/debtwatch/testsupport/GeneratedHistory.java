package io.debtwatch.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic repository of ordinary commits for benchmarks: an initial import of a few hundred
 * files in three languages (Java, Python, JavaScript, with a sprinkling of TODOs, empty catches and
 * prints), then commits that each rewrite one to three of them. Every file is valid code in its
 * language, as committed code mostly is: until 2026-11-30 the Java files held JavaScript calls and the
 * JavaScript files Java declarations, and the parser's error recovery then took most of its time.
 */
public final class GeneratedHistory {

    private static final int FILES = 240;

    private GeneratedHistory() {
    }

    /**
     * @param dir     an empty or missing folder
     * @param commits how many commits, the initial import included
     * @return the folder, a non-bare repository on branch {@code main}
     */
    public static Path generate(Path dir, int commits) {
        Random random = new Random(42);
        List<String> files = new ArrayList<>();
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("README.md", "# bench\n");
            for (int i = 0; i < FILES; i++) {
                String path = switch (i % 3) {
                    case 0 -> "src/main/java/bench/m" + (i % 12) + "/Service" + i + ".java";
                    case 1 -> "app/pkg" + (i % 8) + "/module_" + i + ".py";
                    default -> "web/src/c" + (i % 6) + "/widget" + i + ".js";
                };
                files.add(path);
                repo.write(path, body(path, random, 40));
            }
            repo.commit("initial import");
            for (int c = 1; c < commits; c++) {
                for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                    String path = files.get(random.nextInt(files.size()));
                    repo.write(path, body(path, random, 20 + random.nextInt(60)));
                }
                repo.commit("change " + c);
            }
        }
        return dir;
    }

    private static String body(String path, Random random, int lines) {
        StringBuilder text = new StringBuilder();
        boolean java = path.endsWith(".java");
        boolean python = path.endsWith(".py");
        if (java) {
            text.append("package bench;\n\nclass ").append("C").append(Math.abs(path.hashCode())).append(" {\n");
        }
        for (int i = 0; i < lines; i++) {
            int roll = random.nextInt(100);
            if (roll < 3) {
                text.append(python ? "# TODO: handle the retry case\n" : "    // TODO: handle the retry case\n");
            } else if (roll < 5 && java) {
                text.append("    void m").append(i).append("() { try { run(); } catch (Exception e) { } }\n");
            } else if (roll < 7) {
                text.append(python ? "print('debug', " + i + ")\n"
                        : java ? "    void p" + i + "() { System.out.println(\"debug " + i + "\"); }\n"
                        : "    console.log(\"debug " + i + "\");\n");
            } else {
                int n = random.nextInt(1000);
                text.append(python ? "value_" + i + " = compute(" + n + ")\n"
                        : java ? "    int v" + i + " = compute(" + n + ");\n" : "    const v" + i + " = compute(" + n + ");\n");
            }
        }
        return java ? text.append("}\n").toString() : text.toString();
    }
}
