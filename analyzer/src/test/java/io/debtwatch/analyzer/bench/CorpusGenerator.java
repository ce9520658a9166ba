package io.debtwatch.analyzer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A deterministic Java corpus of the requested size: ordinary service code with a sprinkling of the
 *  smells both DebtWatch and PMD look for (empty catch, prints, printStackTrace, catch Throwable). */
final class CorpusGenerator {
    private static final int CLASS_LINES = 200;

    private CorpusGenerator() {
    }

    static void generate(Path dir, int lines) throws IOException {
        Random random = new Random(42);
        int classes = Math.max(1, lines / CLASS_LINES);
        for (int c = 0; c < classes; c++) {
            String pkg = "corpus.module" + (c % 10);
            Path file = dir.resolve("src/main/java/" + pkg.replace('.', '/') + "/Service" + c + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, classText(pkg, c, random));
        }
    }

    private static String classText(String pkg, int c, Random random) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\nimport java.util.ArrayList;\nimport java.util.List;\nimport java.util.Map;\n\n");
        sb.append("/** Generated service number ").append(c).append(". */\npublic class Service").append(c).append(" {\n");
        sb.append("    private final Map<String, Integer> cache = new java.util.HashMap<>();\n\n");
        int line = 10;
        int m = 0;
        while (line < CLASS_LINES - 20) {
            int kind = random.nextInt(10);
            sb.append("    /** Computes value ").append(m).append(". */\n");
            sb.append("    public int compute").append(m).append("(List<String> items, int limit) {\n");
            sb.append("        int total = 0;\n        List<String> seen = new ArrayList<>();\n");
            sb.append("        for (String item : items) {\n            if (item.length() > limit && !seen.contains(item)) {\n");
            sb.append("                total += item.hashCode() % 7;\n                seen.add(item);\n            } else {\n");
            sb.append("                total -= cache.getOrDefault(item, 0);\n            }\n        }\n");
            switch (kind) {
                case 0 -> sb.append("        try {\n            total += Integer.parseInt(\"4\" + total);\n        } catch (NumberFormatException e) {\n        }\n");
                case 1 -> sb.append("        System.out.println(\"total \" + total);\n\n\n\n");
                case 2 -> sb.append("        try {\n            total /= limit;\n        } catch (Throwable t) {\n            t.printStackTrace();\n        }\n");
                case 3 -> sb.append("        // TO" + "DO: cache the result of this computation\n\n\n\n");
                default -> sb.append("        if (total < 0) {\n            throw new IllegalStateException(\"negative\");\n        }\n\n");
            }
            sb.append("        return total;\n    }\n\n");
            line += 21;
            m++;
        }
        sb.append("}\n");
        return sb.toString();
    }
}
