package net.historyarchive.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Quarkus service jar run as a child JVM, its output going to a log file: used by the local
 * stack, the benchmarks and the end-to-end tests in system-tests.
 *
 * <p>One instance is one process run: to restart a service, make a new instance (with its own
 * log file, so the log of the run before stays readable).
 */
public final class ChildService implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path log;
    private volatile Process process;
    private volatile boolean stopping;
    private long startedNanos;

    public ChildService(String name, int port, Path log) {
        this.name = name;
        this.port = port;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Starts {@code java -jar jar} with the given environment added to ours; the log is overwritten. */
    public void start(Path jar, Map<String, String> env) throws IOException {
        start(jar, List.of(), env);
    }

    /** Starts {@code java jvmArgs... -jar jar} with the given environment added to ours; the log is overwritten. */
    public void start(Path jar, List<String> jvmArgs, Map<String, String> env) throws IOException {
        if (process != null) {
            throw new IllegalStateException(name + " was started before; use a new ChildService to run it again");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        startedNanos = System.nanoTime();
        process = pb.start();
        process.onExit().thenAccept(p -> {
            if (!stopping) {
                System.err.printf("%n!! %s exited on its own with code %d; see %s%n", name, p.exitValue(), log);
            }
        });
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The operating system's process id; the service must have been started. */
    public long pid() {
        return requireStarted().pid();
    }

    /**
     * Polls {@code /q/health/ready} until it answers 200.
     *
     * @throws IllegalStateException with the log path (and its last lines) on timeout or early exit
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        awaitOk("/q/health/ready", timeout, Duration.ofMillis(250));
    }

    /**
     * Polls {@code path} every 10 ms until it answers 200: for benchmarks that time a start.
     *
     * @return nanoseconds from {@link #start} to the first 200 answer
     * @throws IllegalStateException with the log path (and its last lines) on timeout or early exit
     */
    public long awaitAnswer(String path, Duration timeout) throws InterruptedException {
        awaitOk(path, timeout, Duration.ofMillis(10));
        return System.nanoTime() - startedNanos;
    }

    private void awaitOk(String path, Duration timeout, Duration poll) throws InterruptedException {
        Process p = requireStarted();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + p.exitValue()
                        + " before " + path + " answered. Log: " + log + tail(25));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(poll.toMillis());
        }
        throw new IllegalStateException(name + " did not answer 200 on " + url() + path + " within "
                + timeout.toSeconds() + " s. Log: " + log + tail(25));
    }

    /** From now on an exit is expected: Ctrl-C also reaches the child, which may stop first. */
    public void expectExit() {
        stopping = true;
    }

    /** SIGTERM (Quarkus shuts down gracefully), then SIGKILL if it takes longer than 30 s. */
    public void stop() {
        stop(Duration.ofSeconds(30));
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * SIGTERM, then SIGKILL if the process is still running after {@code grace}.
     *
     * @return true if it exited within the grace period (or was not running), false if it had to be killed
     */
    public boolean stop(Duration grace) {
        stopping = true;
        Process p = process;
        if (p == null || !p.isAlive()) {
            return true;
        }
        p.destroy();
        try {
            if (p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            System.err.println(name + " did not stop within " + grace.toSeconds() + " s; killing it");
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful close; waits (bounded) until the process is gone. */
    public void kill() throws InterruptedException {
        stopping = true;
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + p.pid() + ") still alive 30 s after SIGKILL");
        }
    }

    /** The exit code, or null while running or before start. */
    public Integer exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? null : p.exitValue();
    }

    /** The last {@code count} lines of the log, headed by its file name (empty if unreadable). */
    public String tail(int count) {
        return Logs.tail(log, count);
    }

    private Process requireStarted() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        return p;
    }
}
