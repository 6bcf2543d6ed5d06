package net.historyarchive.infra;

import net.historyarchive.opensearchnode.NodeClasspath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSearch 2.19 node (module opensearch-node) in a child JVM with its own class path:
 * OpenSearch's Log4j, Netty and Jackson never meet Quarkus'. Its output goes to a log file.
 *
 * <p>Two modes, like {@link PostgresServer}: {@link #startTemporary()} for tests (free ports below
 * 32768, a temp directory deleted on {@link #close()}) and {@link #startPersistent(int, Path, Path)}
 * for the local run and the benchmark stack (fixed HTTP port, transport port + 100, data kept).
 * The directory is the node's {@code path.home}: {@code config/} (written by the node),
 * {@code data/} and {@code logs/} (the ports files the node writes once bound).
 *
 * <p>{@link #stop()}, {@link #kill()} and {@link #start()} take the node down and back up on the
 * same ports and data, for fault tests. The child also exits by itself when this JVM dies.
 */
public final class OpenSearchServer implements AutoCloseable {

    /** Heap of the node's JVM (-Xms and -Xmx) unless {@code -Darchive.opensearch.heap=...} says otherwise. */
    public static final String DEFAULT_HEAP = "1g";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /**
     * Temporary nodes pick ports in this window: below the ephemeral range (32768+), so a port
     * stays free for a restart, and below the benchmark stack's fixed 25432..29300.
     */
    private static final int TEMP_PORTS_FROM = 20_000;
    private static final int TEMP_PORTS_TO = 25_000;
    private static final int TEMP_RANGE = 100;

    private final Path home;
    private final Path logFile;
    private final boolean temporary;
    private final String heap;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    /** A port or a range for the first start; the bound port from then on. */
    private String httpPort;
    private String transportPort;
    private volatile Process process;
    private volatile String url;

    private OpenSearchServer(Path home, Path logFile, boolean temporary, String heap, String httpPort, String transportPort) {
        this.home = home;
        this.logFile = logFile;
        this.temporary = temporary;
        this.heap = heap;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
    }

    /** Free ports below 32768, a fresh temp directory (deleted on close), the log inside it. */
    public static OpenSearchServer startTemporary() throws IOException {
        Path home = Files.createTempDirectory("archive-opensearch-");
        OpenSearchServer server = new OpenSearchServer(home, home.resolve("opensearch.log"), true, defaultHeap(),
                randomRange(), randomRange());
        return started(server);
    }

    /**
     * Fixed HTTP port, transport on {@code port + 100}, data kept in {@code dir} across restarts.
     *
     * @param logFile the node's output, appended
     */
    public static OpenSearchServer startPersistent(int port, Path dir, Path logFile) throws IOException {
        return startPersistent(port, dir, logFile, defaultHeap());
    }

    /** The same with the node's heap size, e.g. {@code "4g"}. */
    public static OpenSearchServer startPersistent(int port, Path dir, Path logFile, String heap) throws IOException {
        OpenSearchServer server = new OpenSearchServer(dir.toAbsolutePath(), logFile.toAbsolutePath(), false, heap,
                Integer.toString(port), Integer.toString(port + 100));
        return started(server);
    }

    private static OpenSearchServer started(OpenSearchServer server) throws IOException {
        try {
            server.start();
            return server;
        } catch (IOException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** Base URL, e.g. {@code http://127.0.0.1:20042} (for {@code archive.opensearch.url}). */
    public String url() {
        String u = url;
        if (u == null) {
            throw new IllegalStateException("OpenSearch has not been started");
        }
        return u;
    }

    /** The node's {@code path.home}: config, data and ports files. */
    public Path home() {
        return home;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * Starts the node (again) on its data and ports and waits until the cluster is at least
     * yellow; does nothing if it runs.
     *
     * @throws IllegalStateException with the tail of the log if it exits or is not ready in time
     */
    public synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        Path logs = home.resolve("logs");
        Files.createDirectories(logs);
        Files.deleteIfExists(logs.resolve("http.ports")); // a stale file would announce a port not bound yet
        Files.deleteIfExists(logs.resolve("transport.ports"));
        Files.createDirectories(logFile.getParent());
        process = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            awaitReady(logs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("Interrupted while OpenSearch was starting", e);
        } catch (IOException | RuntimeException e) {
            kill();
            throw e;
        }
    }

    /** SIGTERM (the node closes cleanly), then SIGKILL if it takes longer than 30 s (acknowledged writes
     * are in the fsynced translog either way). */
    public synchronized void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("OpenSearch did not stop within " + STOP_GRACE.toSeconds() + " s; killing it");
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    /** SIGKILL, as a crash or the OOM killer would; waits (bounded) until the process is gone. */
    public synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("OpenSearch (pid " + p.pid() + ") still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the node; a temporary node's directory is deleted. */
    @Override
    public synchronized void close() {
        stop();
        if (temporary) {
            deleteRecursively(home);
        }
    }

    /** The last {@code count} lines of the log, headed by its file name (empty if unreadable). */
    public String tail(int count) {
        return Logs.tail(logFile, count);
    }

    private List<String> command() {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap,
                // From OpenSearch's jvm.options and the system options its launcher adds:
                "-XX:+UseG1GC", "-XX:G1ReservePercent=25", "-XX:InitiatingHeapOccupancyPercent=30",
                "-Xss1m", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-Djna.nosys=true",
                "-XX:-OmitStackTraceInFastThrow", "-XX:+ShowCodeDetailsInExceptionMessages",
                "-Dio.netty.noUnsafe=true", "-Dio.netty.noKeySetOptimization=true",
                "-Dio.netty.recycler.maxCapacityPerThread=0", "-Dio.netty.allocator.numDirectArenas=0",
                // The node's shutdown hook closes it and still logs; Log4j must not shut down first.
                "-Dlog4j.shutdownHookEnabled=false", "-Dlog4j2.disable.jmx=true",
                // Date formats parse as on a real node of this line (2.x on Java 17).
                "-Djava.locale.providers=SPI,COMPAT",
                // A node out of memory is broken: exit so the launcher sees it, no 1 GB heap dump.
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:ErrorFile=" + home.resolve("logs/hs_err_pid%p.log"),
                // A temporary node deletes its directory itself if this JVM dies before close().
                "-Darchive.opensearch.temporary=" + temporary,
                "-cp", NodeClasspath.classpath(), NodeClasspath.MAIN_CLASS,
                "path.home=" + home,
                "path.data=" + home.resolve("data"),
                "path.logs=" + home.resolve("logs"),
                "cluster.name=" + (temporary ? "archive-test" : "archive"),
                "http.port=" + httpPort,
                "transport.port=" + transportPort);
    }

    private void awaitReady(Path logs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String bound = null;
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (!p.isAlive()) {
                throw new IllegalStateException("OpenSearch exited with code " + p.exitValue()
                        + " before it was ready. Log: " + logFile + tail(40));
            }
            if (bound == null) {
                // The node writes the ports files once bound (first transport, then HTTP).
                bound = firstLine(logs.resolve("http.ports"));
                if (bound != null) {
                    // Pin the ports it bound, so that a restart comes back on the same ones.
                    httpPort = portOf(bound);
                    transportPort = portOf(firstLine(logs.resolve("transport.ports")));
                    url = "http://" + bound;
                }
            }
            if (bound != null && clusterAtLeastYellow()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("OpenSearch not ready after " + READY_TIMEOUT.toSeconds() + " s. Log: "
                + logFile + tail(40));
    }

    private boolean clusterAtLeastYellow() throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not answering yet
        }
    }

    private static String firstLine(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        // The node writes the file under a temporary name and moves it, so it is complete when seen.
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.isEmpty() || lines.get(0).isBlank() ? null : lines.get(0).trim();
    }

    /** "127.0.0.1:20042" or "[::1]:20042" -> "20042". */
    private static String portOf(String address) {
        return address.substring(address.lastIndexOf(':') + 1);
    }

    private static String randomRange() {
        int from = ThreadLocalRandom.current().nextInt(TEMP_PORTS_FROM, TEMP_PORTS_TO - TEMP_RANGE);
        return from + "-" + (from + TEMP_RANGE - 1);
    }

    private static String defaultHeap() {
        return System.getProperty("archive.opensearch.heap", DEFAULT_HEAP);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
