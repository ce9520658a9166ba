package io.debtwatch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debtwatch.infra.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./debtwatch up} command as a user runs it: it comes up, Ctrl-C (SIGINT) stops every
 * child process, and bad conditions end with one line and a non-zero exit.
 */
class DebtwatchUpIT {

    private static final Path HOME = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path work;

    @Test
    void upComesUpAndCtrlCLeavesNoProcessBehind() throws Exception {
        int gateway = FreePorts.pick();
        Path log = work.resolve("up.log");
        Process up = new ProcessBuilder("bash", HOME.resolve("debtwatch").toString(), "up", "--port",
                Integer.toString(gateway), "--data-dir", work.resolve("data").toString())
                .directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.readString(log).contains("DebtWatch is up.") && System.nanoTime() < deadline
                    && up.isAlive()) {
                Thread.sleep(500);
            }
            String output = Files.readString(log);
            assertTrue(output.contains("DebtWatch is up."), output);
            assertTrue(output.contains("http://127.0.0.1:" + gateway), "prints the gateway URL");
            assertTrue(output.contains(work.resolve("data").resolve("logs").toString()), "prints where the logs are");
            assertTrue(output.contains("ready"), "shows progress while it waits");
            List<ProcessHandle> children = up.descendants().toList();
            assertEquals(6, children.stream().filter(p -> p.info().command().orElse("").endsWith("java")).count(),
                    "broker, database server and four services: " + children);

            new ProcessBuilder("kill", "-INT", Long.toString(up.pid())).start().waitFor();
            assertTrue(up.waitFor(90, TimeUnit.SECONDS), "up exits after Ctrl-C");
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "left behind: " + child.info());
            }
        } finally {
            up.descendants().forEach(ProcessHandle::destroyForcibly);
            up.destroyForcibly();
        }
    }

    @Test
    void aPortInUseIsOneLineAndANonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result result = run(List.of("bash", HOME.resolve("debtwatch").toString(), "up", "--port",
                    Integer.toString(taken.getLocalPort()), "--data-dir", work.resolve("data").toString()), null);
            assertEquals(2, result.exit());
            assertEquals(1, result.output().strip().lines().count(), result.output());
            assertTrue(result.output().contains("port " + taken.getLocalPort() + " (for the gateway) is already in use"),
                    result.output());
        }
    }

    @Test
    void javaMissingOrTooOldIsOneLineAndANonZeroExit() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        for (String tool : List.of("bash", "dirname", "awk", "cut", "head")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of(which(tool)));
        }
        Result missing = run(List.of(bin.resolve("bash").toString(), HOME.resolve("debtwatch").toString(), "up"),
                bin.toString());
        assertEquals(3, missing.exit());
        assertEquals("debtwatch: Java 17 or newer is needed, and no 'java' is on the PATH", missing.output().strip());

        Path oldJava = bin.resolve("java");
        Files.writeString(oldJava, "#!/bin/sh\necho '    java.specification.version = 11' >&2\n");
        Files.setPosixFilePermissions(oldJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result old = run(List.of(bin.resolve("bash").toString(), HOME.resolve("debtwatch").toString(), "up"),
                bin.toString());
        assertEquals(3, old.exit());
        assertEquals("debtwatch: Java 17 or newer is needed, but 'java' is version 11", old.output().strip());
    }

    private record Result(int exit, String output) {
    }

    private Result run(List<String> command, String path) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true);
        if (path != null) {
            builder.environment().put("PATH", path);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    private static String which(String tool) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
        String found = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return Path.of(found).toRealPath().toString();
    }
}
