package net.historyarchive.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Quarkus service jar run as a child JVM by {@link LocalStack}, its output going to a log file. */
final class ChildService {

    private final String name;
    private final int port;
    private final Path log;
    private Process process;
    private volatile boolean stopping;

    ChildService(String name, int port, Path log) {
        this.name = name;
        this.port = port;
        this.log = log;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** Starts {@code java -jar jar} with the given environment added to ours; the log is overwritten. */
    void start(Path jar, Map<String, String> env) throws IOException {
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        process = pb.start();
        process.onExit().thenAccept(p -> {
            if (!stopping) {
                System.err.printf("%n!! %s exited on its own with code %d; see %s%n", name, p.exitValue(), log);
            }
        });
    }

    /**
     * Polls {@code /q/health/ready} until it answers 200.
     *
     * @throws IllegalStateException with the log path (and its last lines) on timeout or early exit
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready. Log: " + log + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready on http://localhost:" + port
                + "/q/health/ready after " + timeout.toSeconds() + " s. Log: " + log + tail());
    }

    /** From now on an exit is expected: Ctrl-C also reaches the child, which may stop first. */
    void expectExit() {
        stopping = true;
    }

    /** SIGTERM (Quarkus shuts down gracefully), then SIGKILL if it takes too long. */
    void stop() {
        stopping = true;
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                System.err.println(name + " did not stop within 20 s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last lines of " + log.getFileName() + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
