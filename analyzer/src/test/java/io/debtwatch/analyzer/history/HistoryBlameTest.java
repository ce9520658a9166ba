package io.debtwatch.analyzer.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-walk blame must give exactly JGit's per-file blame, line by line, through random edits with
 * repeated lines, moved blocks, a rename, a file deleted and added again, and a merge.
 */
class HistoryBlameTest {

    private static final String[] VOCABULARY = {"}", "return x;", "// TODO: retry", "x = x + 1;", "", "log(x);",
        "if (x) {", "call();"};

    @TempDir
    Path dir;

    private final Random random = new Random(7);
    private final Map<String, List<String>> files = new LinkedHashMap<>();
    private Git git;
    private int clock;

    @Test
    void everyLineOfEveryFileMatchesJGitBlame() throws Exception {
        try (Git opened = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git = opened;
            for (int f = 0; f < 6; f++) {
                files.put("src/f" + f + ".txt", randomLines(30));
            }
            files.put("shared.txt", new ArrayList<>(IntStream.range(0, 80).mapToObj(i -> "line " + i).toList()));
            commit("import");
            editRandomly(40);

            rename("src/f1.txt", "moved/f1.txt");
            commit("rename f1");
            editRandomly(10);

            files.remove("src/f2.txt");
            commit("remove f2");
            files.put("src/f2.txt", randomLines(25));
            commit("add f2 again");
            files.put("src/late.txt", randomLines(20));
            commit("add a file late");
            editRandomly(10);

            git.checkout().setCreateBranch(true).setName("feature").call();
            editOne("src/f3.txt");
            files.get("shared.txt").set(3, "feature wrote this");
            commit("feature work");
            editOne("src/f3.txt");
            commit("more feature work");
            git.checkout().setName("main").call();
            reload();
            editOne("src/f4.txt");
            files.get("shared.txt").set(70, "main wrote this");
            commit("main work");
            MergeResult merged = git.merge().include(git.getRepository().resolve("feature"))
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF).setMessage("merge feature").call();
            assertEquals(MergeResult.MergeStatus.MERGED, merged.getMergeStatus());
            reload();
            editRandomly(10);

            RevCommit tip = head();
            Map<String, int[]> everyLine = new LinkedHashMap<>();
            files.forEach((path, lines) -> everyLine.put(path, IntStream.range(0, lines.size() + 2).toArray()));
            Map<String, RevCommit[]> origins = HistoryBlame.origins(git.getRepository(), tip, everyLine);

            int compared = 0;
            for (String path : files.keySet()) {
                BlameResult expected = git.blame().setStartCommit(tip).setFilePath(path).call();
                RevCommit[] actual = origins.get(path);
                int size = expected.getResultContents().size();
                for (int line = 0; line < size; line++) {
                    assertNotNull(actual[line], path + ":" + line);
                    assertEquals(expected.getSourceCommit(line).getName(), actual[line].getName(),
                            path + ":" + (line + 1) + " '" + expected.getResultContents().getString(line) + "'");
                    compared++;
                }
                assertNull(actual[size], "a line past the end of " + path + " has no origin");
            }
            assertEquals(files.values().stream().mapToInt(List::size).sum(), compared);
        }
    }

    private void editRandomly(int commits) throws Exception {
        List<String> paths = new ArrayList<>(files.keySet());
        for (int c = 0; c < commits; c++) {
            for (int k = 0, n = 1 + random.nextInt(2); k < n; k++) {
                editOne(paths.get(random.nextInt(paths.size())));
            }
            commit("edit " + clock);
        }
    }

    private void editOne(String path) {
        List<String> lines = files.get(path);
        if (lines.isEmpty()) {
            lines.addAll(randomLines(3));
            return;
        }
        int at = random.nextInt(lines.size() + 1);
        switch (random.nextInt(4)) {
            case 0 -> lines.addAll(at, randomLines(1 + random.nextInt(4)));
            case 1 -> {
                for (int i = 0, n = 1 + random.nextInt(3); i < n && at < lines.size(); i++) {
                    lines.remove(at);
                }
            }
            case 2 -> {
                if (at < lines.size()) {
                    lines.set(at, VOCABULARY[random.nextInt(VOCABULARY.length)] + " " + random.nextInt(5));
                }
            }
            default -> {
                int from = random.nextInt(lines.size());
                int to = Math.min(lines.size(), from + 1 + random.nextInt(4));
                List<String> block = new ArrayList<>(lines.subList(from, to));
                lines.subList(from, to).clear();
                lines.addAll(random.nextInt(lines.size() + 1), block);
            }
        }
    }

    private List<String> randomLines(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        }
        return lines;
    }

    private void rename(String from, String to) {
        List<String> lines = files.remove(from);
        lines.set(0, "renamed");
        files.put(to, lines);
    }

    private void commit(String message) throws IOException, GitAPIException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith(".git")).toList()) {
                Files.delete(p);
            }
        }
        for (Map.Entry<String, List<String>> file : files.entrySet()) {
            Path p = dir.resolve(file.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, String.join("\n", file.getValue()) + "\n");
        }
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("dev", "dev@example.org",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * ++clock), ZoneOffset.UTC);
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }

    private RevCommit head() throws IOException {
        return git.getRepository().parseCommit(git.getRepository().resolve("HEAD"));
    }

    /** Reads the working files back after a checkout or a merge changed them. */
    private void reload() throws IOException {
        files.clear();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith(".git")).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), new ArrayList<>(Files.readAllLines(p)));
            }
        }
    }
}
