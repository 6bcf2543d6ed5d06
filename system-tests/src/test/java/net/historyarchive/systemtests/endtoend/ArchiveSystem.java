package net.historyarchive.systemtests.endtoend;

import net.historyarchive.infra.ChildService;
import net.historyarchive.infra.DevToken;
import net.historyarchive.infra.KafkaBroker;
import net.historyarchive.infra.Logs;
import net.historyarchive.infra.OpenSearchServer;
import net.historyarchive.infra.PostgresServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole system as separate processes: a real PostgreSQL 17 (databases catalog and search) and a
 * real Kafka broker in this JVM, a real OpenSearch node in its own JVM, and catalog-service and search-service each as its own JVM run from
 * its packaged {@code target/quarkus-app/quarkus-run.jar}, configured only through environment
 * variables as in production. Every service run logs to its own file in {@link #logDir()}.
 *
 * <p>{@link #close()} stops everything (services first) and deletes the servers' temporary data;
 * a shutdown hook does the same if the JVM ends without it.
 */
public final class ArchiveSystem implements AutoCloseable {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** Small heaps and one GC thread: three JVMs, PostgreSQL and Kafka share two cores here. */
    private static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    /** Ports the local run ({@code ./archive run}) binds; never pick these. */
    private static final Set<Integer> LOCAL_RUN_PORTS = Set.of(15432, 19092, 19093, 19200, 19300, 18080, 18081);

    private final Path root;
    private final Path logDir;
    private final List<ChildService> runs = new CopyOnWriteArrayList<>();
    private final Thread hook = new Thread(this::close, "archive-system-cleanup");
    private volatile PostgresServer postgres;
    private volatile KafkaBroker kafka;
    private volatile OpenSearchServer openSearch;
    private volatile boolean closed;
    private final int catalogPort;
    private final int searchPort;
    /** Set for both services on top of their own settings (TraceIT's OTLP exporter settings). */
    private final Map<String, String> extraEnv;
    private ChildService catalog;
    private ChildService search;

    private ArchiveSystem(Path root, Path logDir, Map<String, String> extraEnv) {
        this.root = root;
        this.logDir = logDir;
        this.extraEnv = Map.copyOf(extraEnv);
        int[] ports = freePorts(2);
        this.catalogPort = ports[0];
        this.searchPort = ports[1];
    }

    /** Starts PostgreSQL, Kafka and both services, and waits until both services are ready. */
    public static ArchiveSystem start(Path root, Path logDir) throws Exception {
        return start(root, logDir, Map.of());
    }

    /** As {@link #start(Path, Path)}, with {@code extraEnv} set for both services. */
    public static ArchiveSystem start(Path root, Path logDir, Map<String, String> extraEnv) throws Exception {
        for (String module : List.of("catalog-service", "search-service")) {
            Path jar = jar(root, module);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: the end-to-end test runs the packaged services. "
                        + "Run ./mvnw verify (it packages both first), or ./mvnw -DskipTests install once before "
                        + "./mvnw -pl system-tests verify.");
            }
        }
        Files.createDirectories(logDir);
        ArchiveSystem system = new ArchiveSystem(root, logDir, extraEnv);
        Runtime.getRuntime().addShutdownHook(system.hook);
        try {
            Logs.quietServers();
            long t0 = System.nanoTime();
            system.postgres = PostgresServer.startTemporary();
            system.postgres.ensureDatabase("catalog");
            system.postgres.ensureDatabase("search");
            system.kafka = KafkaBroker.startTemporary();
            system.openSearch = OpenSearchServer.startTemporary();
            System.out.printf("[e2e] PostgreSQL on %d, Kafka at %s and OpenSearch at %s up in %d ms%n",
                    system.postgres.port(), system.kafka.bootstrapServers(), system.openSearch.url(),
                    (System.nanoTime() - t0) / 1_000_000);
            long t1 = System.nanoTime();
            system.catalog = system.launch("catalog-service", system.catalogPort, system.catalogEnv());
            system.search = system.startSearch();
            system.catalog.awaitReady(READY_TIMEOUT);
            system.search.awaitReady(READY_TIMEOUT);
            System.out.printf("[e2e] catalog-service on %d and search-service on %d ready in %d ms; logs in %s%n",
                    system.catalogPort, system.searchPort, (System.nanoTime() - t1) / 1_000_000, logDir);
            return system;
        } catch (Exception | Error e) {
            System.err.println(system.logTails());
            system.close();
            throw e;
        }
    }

    /** The repository the services' jars are built in (system property set by the build). */
    public static Path repositoryRoot() {
        return Path.of(System.getProperty("system-tests.repository-root", "..")).toAbsolutePath().normalize();
    }

    /** A new folder for a test's service logs: {@code target/<kind>/<time>/}. */
    public static Path newLogDir(String kind) {
        Path output = Path.of(System.getProperty("system-tests.output", "target")).toAbsolutePath();
        return output.resolve(kind).resolve(java.time.LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    public Path logDir() {
        return logDir;
    }

    public int catalogPort() {
        return catalogPort;
    }

    public int searchPort() {
        return searchPort;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public ChildService search() {
        return search;
    }

    public ChildService catalog() {
        return catalog;
    }

    /** Starts a new catalog-service process on the same port and database (its own log file); not yet ready. */
    public ChildService startCatalog() throws IOException {
        if (catalog != null && catalog.isAlive()) {
            throw new IllegalStateException("catalog-service is still running (pid " + catalog.pid() + ")");
        }
        catalog = launch("catalog-service", catalogPort, catalogEnv());
        return catalog;
    }

    /** The servers, for fault tests that crash and restart them. */
    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public OpenSearchServer openSearch() {
        return openSearch;
    }

    /** Starts a new search-service process on the same port and database (its own log file); not yet ready. */
    public ChildService startSearch() throws IOException {
        if (search != null && search.isAlive()) {
            throw new IllegalStateException("search-service is still running (pid " + search.pid() + ")");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(searchPort));
        env.put("SEARCH_DB_URL", postgres.jdbcUrl("search"));
        env.put("SEARCH_DB_USER", PostgresServer.USER);
        env.put("SEARCH_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("ARCHIVE_OPENSEARCH_URL", openSearch.url());
        env.put("ARCHIVE_CATALOG_URL", "http://localhost:" + catalogPort); // the consistency check reads the catalog's feed
        // search-service checks tokens too (its admin operations), with the same development key.
        putJwtSettings(env);
        env.putAll(extraEnv);
        search = launch("search-service", searchPort, env);
        return search;
    }

    private Map<String, String> catalogEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(catalogPort));
        env.put("CATALOG_DB_URL", postgres.jdbcUrl("catalog"));
        env.put("CATALOG_DB_USER", PostgresServer.USER);
        env.put("CATALOG_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        putJwtSettings(env);
        env.putAll(extraEnv);
        return env;
    }

    /** The DEVELOPMENT key pair's public half and issuer, set as production sets its own. */
    private void putJwtSettings(Map<String, String> env) {
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", root.resolve("test-infra/src/main/resources/dev-keys/public.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevToken.ISSUER);
    }

    private ChildService launch(String module, int port, Map<String, String> env) throws IOException {
        long run = runs.stream().filter(r -> r.name().startsWith(module)).count() + 1;
        ChildService service = new ChildService(module + " run " + run, port, logDir.resolve(module + "-" + run + ".log"));
        runs.add(service);
        service.start(jar(root, module), SERVICE_JVM, env);
        return service;
    }

    private static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The last lines of every service run's log, for a failure report. */
    public String logTails() {
        StringBuilder tails = new StringBuilder();
        for (ChildService run : runs) {
            Integer exit = run.exitCode();
            tails.append("\n=== ").append(run.name()).append(" (").append(exit == null ? "running" : "exit code " + exit)
                    .append("), full log: ").append(run.log()).append(run.tail(60)).append('\n');
        }
        return tails.toString();
    }

    /** Services first (they still need the servers while stopping), then OpenSearch, Kafka and PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
        List<ChildService> reversed = new ArrayList<>(runs);
        java.util.Collections.reverse(reversed);
        for (ChildService run : reversed) {
            try {
                run.stop(Duration.ofSeconds(20));
            } catch (RuntimeException e) {
                System.err.println("[e2e] stopping " + run.name() + " failed: " + e);
            }
        }
        OpenSearchServer os = openSearch;
        if (os != null) {
            try {
                os.close();
            } catch (RuntimeException e) {
                System.err.println("[e2e] stopping OpenSearch failed: " + e);
            }
        }
        KafkaBroker k = kafka;
        if (k != null) {
            // Bounded, like the shared test infra: a slow broker close must not hang the build.
            Thread closer = new Thread(() -> {
                try {
                    k.close();
                } catch (Exception e) {
                    System.err.println("[e2e] stopping Kafka failed: " + e);
                }
            }, "e2e-kafka-close");
            closer.setDaemon(true);
            closer.start();
            try {
                closer.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (closer.isAlive()) {
                System.err.println("[e2e] Kafka did not stop within 30 s");
            }
        }
        PostgresServer pg = postgres;
        if (pg != null) {
            try {
                pg.close();
            } catch (RuntimeException e) {
                System.err.println("[e2e] stopping PostgreSQL failed: " + e);
            }
        }
    }

    /**
     * Distinct ports below 32768 (the ephemeral range starts there on these machines) that nothing
     * listens on and that we can bind, chosen at random so parallel runs rarely meet.
     */
    static int[] freePorts(int count) {
        List<Integer> chosen = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 500 && chosen.size() < count; attempt++) {
            int port = random.nextInt(20_000, 32_768);
            if (!LOCAL_RUN_PORTS.contains(port) && !chosen.contains(port) && isFree(port)) {
                chosen.add(port);
            }
        }
        if (chosen.size() < count) {
            throw new IllegalStateException("no free ports found between 20000 and 32767");
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isFree(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("localhost", port), 200);
            return false; // something answers
        } catch (IOException expected) {
            // nobody listening
        }
        try (ServerSocket bind = new ServerSocket()) {
            bind.bind(new InetSocketAddress(port)); // the wildcard address, as Quarkus binds 0.0.0.0
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
