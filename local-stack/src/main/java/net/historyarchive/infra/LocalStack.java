package net.historyarchive.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local run without Docker: PostgreSQL on 15432, Kafka on 19092 and OpenSearch on 19200
 * (data kept in {@code .archive-data/}), then catalog-service on 18080 and, if built,
 * search-service on 18081 as child JVMs. Ctrl-C stops the services first, then OpenSearch, Kafka
 * and PostgreSQL.
 *
 * <p>Run from the repository root (or pass {@code -Darchive.root=DIR}); {@code ./archive run} does that.
 */
public final class LocalStack {

    static final int CATALOG_PORT = 18080;
    static final int SEARCH_PORT = 18081;
    /** PostgreSQL 15432, Kafka 19092 (controller 19093), OpenSearch 19200 (transport 19300), services 18080/18081. */
    static final ArchiveStack.Ports PORTS = new ArchiveStack.Ports(15432, 19092, 19093, 19200, CATALOG_PORT, SEARCH_PORT);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path root;
    private final Path data;
    private volatile ArchiveStack stack; // read by the shutdown hook
    private volatile boolean stopping;

    LocalStack(Path root) {
        this.root = root;
        this.data = root.resolve(".archive-data");
    }

    public static void main(String[] args) throws Exception {
        // Must precede any logging: Kafka and zonky log via SLF4J -> JBoss LogManager -> JUL.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        consoleWarnings();
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("local-stack")) || !Files.isRegularFile(root.resolve("pom.xml"))) {
            fail("Run this from the repository root (or pass -Darchive.root=DIR): " + root);
        }
        LocalStack stack = new LocalStack(root);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::shutdown, "local-stack-shutdown"));
        try {
            stack.run();
        } catch (Exception e) {
            if (stack.stopping) {
                return; // Ctrl-C during startup: the hook is already cleaning up, nothing to report
            }
            if (!(e instanceof IllegalStateException)) {
                e.printStackTrace();
            }
            fail(e.getMessage() != null ? e.getMessage() : e.toString()); // the hook cleans up
        }
        new CountDownLatch(1).await(); // until Ctrl-C
    }

    private void run() throws Exception {
        Path catalogJar = root.resolve("catalog-service/target/quarkus-app/quarkus-run.jar");
        Path searchJar = root.resolve("search-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(catalogJar)) {
            throw new IllegalStateException(catalogJar + " is missing; build first: ./mvnw -DskipTests install");
        }
        boolean withSearch = Files.isRegularFile(searchJar);

        Map<Integer, String> ports = PORTS.roles();
        if (!withSearch) {
            ports.remove(SEARCH_PORT);
        }
        ports.forEach(LocalStack::requireFreePort);

        stack = ArchiveStack.persistent(root, data, PORTS, Map.of());
        stack.startServers(LocalStack::say);
        ChildService catalog = startService("catalog-service", CATALOG_PORT);
        ChildService search = withSearch ? startService("search-service", SEARCH_PORT) : null;

        say("Waiting for catalog-service (log: " + catalog.log() + ")");
        catalog.awaitReady(READY_TIMEOUT);
        String searchStatus = "not built (" + root.relativize(searchJar) + " missing)";
        if (search != null) {
            try {
                search.awaitReady(READY_TIMEOUT);
                searchStatus = "http://localhost:" + SEARCH_PORT + " (log: " + search.log() + ")";
            } catch (IllegalStateException e) {
                // The catalog is still useful on its own, so keep running.
                searchStatus = "NOT READY: " + e.getMessage();
            }
        }

        String token = DevToken.mint("local-archivist", List.of("archivist"), DevToken.DEFAULT_TTL);
        Path samples = root.resolve("catalog-service/src/main/resources/sample-data/documents.ndjson");
        say("Sample data: " + new SampleData("http://localhost:" + CATALOG_PORT).loadIfEmpty(samples, token));
        if (search != null && !searchStatus.startsWith("NOT READY")) {
            say("Waiting until search-service has applied every change event");
            searchStatus += awaitSearchCaughtUp();
        }
        printSummary(catalog, searchStatus, token, samples);
    }

    /**
     * Polls search-service's freshness endpoint until its consumer lag is zero, then says how many
     * documents are searchable; the sample documents are then visible in search.
     */
    private static String awaitSearchCaughtUp() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://localhost:" + SEARCH_PORT;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String freshness = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/freshness")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (freshness.matches("(?s).*\"consumerLag\"\\s*:\\s*0[,}].*")) {
                    String result = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/search?size=1&facets=none")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher total = Pattern.compile("\"total\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*(\\d+)").matcher(result);
                    if (total.find() && Long.parseLong(total.group(1)) > 0) { // lag 0 before the first event is no news
                        return " (" + total.group(1) + " documents searchable)";
                    }
                }
            } catch (IOException e) {
                // not answering yet; try again
            }
            Thread.sleep(250);
        }
        return " (still catching up with the change events; see /api/v1/freshness)";
    }

    private ChildService startService(String module, int port) throws IOException {
        say("Starting " + module + " on port " + port);
        return stack.startService(module, port, List.of());
    }

    private void printSummary(ChildService catalog, String searchStatus, String token, Path samples) {
        String base = "http://localhost:" + catalog.port();
        System.out.println();
        System.out.println("=== Archive is running (Ctrl-C stops everything) ===");
        System.out.println("Catalog API     " + base + "/api/v1/documents");
        System.out.println("Swagger UI      " + base + "/q/swagger-ui");
        System.out.println("OpenAPI         " + base + "/q/openapi");
        System.out.println("Health          " + base + "/q/health");
        System.out.println("Metrics         " + base + "/q/metrics");
        System.out.println("Search service  " + searchStatus);
        String search = "http://localhost:" + SEARCH_PORT;
        System.out.println("Reading room    " + search + "/?q=Pyongyang");
        System.out.println("Search API      " + search + "/api/v1/search?q=Pyongyang");
        System.out.println("Search Swagger  " + search + "/q/swagger-ui  (OpenAPI: " + search + "/q/openapi)");
        System.out.println("Search health   " + search + "/q/health  (freshness: " + search + "/api/v1/freshness)");
        System.out.println("PostgreSQL      " + stack.postgres().jdbcUrl("catalog") + " and .../search  (user postgres, password postgres)");
        System.out.println("Kafka           " + stack.kafka().bootstrapServers());
        System.out.println("OpenSearch      " + stack.openSearch().url());
        System.out.println("Data and logs   " + data);
        System.out.println();
        System.out.println("Dev token (archivist, 8 h; new one: ./archive token):");
        System.out.println("TOKEN=" + token);
        System.out.println("curl -s '" + base + "/api/v1/documents?limit=5' -H \"Authorization: Bearer $TOKEN\"");
        System.out.println("curl -s -X POST " + base + "/api/v1/documents/import -H 'Content-Type: application/x-ndjson' "
                + "-H \"Authorization: Bearer $TOKEN\" --data-binary @" + root.relativize(samples));
    }

    /** Shutdown hook: the stack stops services first, then the servers. */
    private void shutdown() {
        stopping = true;
        ArchiveStack running = stack;
        if (running == null) {
            return; // failed before anything started
        }
        System.err.println("\nStopping the archive...");
        running.expectExit();
        running.close();
        System.err.println("Stopped. Data kept in " + data + " (./archive reset deletes it).");
    }

    /** Throws, naming the port and its role, when something listens there or it cannot be bound. */
    static void requireFreePort(int port, String what) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("localhost", port), 300);
            throw new IllegalStateException("Port " + port + " (" + what + ") is already in use: is another "
                    + "'./archive run' still running? Stop it or free the port (ss -ltnp 'sport = :" + port + "').");
        } catch (IOException expected) {
            // nobody answers: now make sure we can bind it ourselves
        }
        try (ServerSocket bind = new ServerSocket()) {
            bind.bind(new InetSocketAddress("localhost", port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + what + ") cannot be bound: " + e.getMessage()
                    + ". Free the port (ss -ltnp 'sport = :" + port + "').", e);
        }
    }

    private static void consoleWarnings() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
        console.setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("").addHandler(console);
    }

    private static void say(String line) {
        System.out.println("[archive] " + line);
    }

    private static void fail(String message) {
        System.err.println("[archive] ERROR: " + message);
        System.exit(1);
    }
}
