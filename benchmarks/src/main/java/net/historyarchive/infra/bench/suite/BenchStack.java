package net.historyarchive.infra.bench.suite;

import net.historyarchive.infra.KafkaBroker;
import net.historyarchive.infra.OpenSearchServer;
import net.historyarchive.infra.PostgresServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The system under test for the benchmarks: PostgreSQL 17 (the catalog's database; the naive search baseline adds its own), a KRaft
 * Kafka broker, an OpenSearch node, catalog-service and search-service (child JVMs started exactly as the local run
 * starts them), on their own ports so that a benchmark never meets the local run (15432, 19092,
 * 18080, ...) or the tests.
 *
 * <pre>./archive bench stack [--data DIR] [--ports 25432,29092,29093,28080,28081,29200] [--service-jvm-options "..."]</pre>
 *
 * runs one in the foreground until Ctrl-C, keeping its data in DIR (default
 * {@code .archive-data/bench}); every benchmark command attaches to a stack running on its
 * {@code --data} directory, or starts one for its own run.
 */
public final class BenchStack implements AutoCloseable {

    /** PostgreSQL, Kafka broker, Kafka controller, catalog-service, search-service, OpenSearch (transport: + 100). */
    public static final List<Integer> DEFAULT_PORTS = List.of(25432, 29092, 29093, 28080, 28081, 29200);
    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final Path data;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private OpenSearchServer openSearch;
    private ServiceProcess catalog;
    private ServiceProcess search;
    private StackInfo info;

    private BenchStack(Path data) {
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        Cli cli = Cli.parse(args, Set.of());
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        Path data = cli.path("data", root.resolve(".archive-data/bench"));
        List<Integer> ports = cli.integers("ports", DEFAULT_PORTS);
        String jvm = cli.string("service-jvm-options", "").trim();
        cli.rejectUnknown();
        BenchStack stack = new BenchStack(data);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-shutdown"));
        stack.startPersistent(root, ports, jvm.isEmpty() ? List.of() : Arrays.asList(jvm.split("\\s+")));
        System.out.println("[bench stack] ready: catalog " + stack.info.catalogUrl() + ", search " + stack.info.searchUrl()
                + ", PostgreSQL " + stack.info.jdbcUrl("catalog") + ", Kafka " + stack.info.kafkaBootstrap()
                + ", OpenSearch " + stack.info.openSearchUrl() + "; data " + data);
        new CountDownLatch(1).await();
    }

    /**
     * PostgreSQL as a server for a million documents would be set up, not with its defaults for
     * tiny machines (128 MB of shared buffers, a small fraction of a million documents' table and
     * indexes, so every query would read its rows from the OS cache): a sixth of this
     * machine's 24 GiB. The catalog and the naive search baseline share this server.
     */
    static final Map<String, String> POSTGRES_SETTINGS = Map.of("shared_buffers", "4GB");

    /** Fixed ports, data kept in {@code data} (the same way the local run keeps it). */
    private void startPersistent(Path root, List<Integer> ports, List<String> jvmOptions) throws Exception {
        if (ports.size() != 6) {
            throw new IllegalArgumentException("--ports needs six: PostgreSQL, Kafka, Kafka controller, catalog, search, OpenSearch");
        }
        Files.createDirectories(data.resolve("logs"));
        Files.deleteIfExists(data.resolve(StackInfo.FILE));
        postgres = PostgresServer.startPersistent(ports.get(0), data.resolve("postgres"), data.resolve("logs/postgres.log"),
                POSTGRES_SETTINGS);
        quietServers();
        kafka = KafkaBroker.startPersistent(ports.get(1), ports.get(2), data.resolve("kafka"));
        openSearch = OpenSearchServer.startPersistent(ports.get(5), data.resolve("opensearch"),
                data.resolve("logs/opensearch.log"));
        startServices(root, ports.get(3), ports.get(4), jvmOptions);
    }

    /** Random ports, temporary data deleted on close: for the smoke test. */
    public static BenchStack startTemporary(Path root, Path data) throws Exception {
        BenchStack stack = new BenchStack(data);
        try {
            Files.createDirectories(data.resolve("logs"));
            stack.postgres = PostgresServer.startTemporary();
            quietServers();
            stack.kafka = KafkaBroker.startTemporary();
            stack.openSearch = OpenSearchServer.startTemporary();
            stack.startServices(root, freePort(), freePort(), List.of());
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startServices(Path root, int catalogPort, int searchPort, List<String> jvmOptions) throws Exception {
        postgres.ensureDatabase("catalog");
        StackInfo env = new StackInfo(root, postgres.port(), kafka.bootstrapServers(), openSearch.url(), null, null,
                -1, -1, jvmOptions);
        catalog = new ServiceProcess("catalog-service", catalogPort, data.resolve("logs/catalog-service.log"));
        catalog.start(env.catalogJar(), jvmOptions, env.catalogEnv(catalogPort));
        search = new ServiceProcess("search-service", searchPort, data.resolve("logs/search-service.log"));
        search.start(env.searchJar(), jvmOptions, env.searchEnv(searchPort));
        catalog.awaitAnswer("/q/health/ready", READY_TIMEOUT);
        search.awaitAnswer("/q/health/ready", READY_TIMEOUT);
        info = new StackInfo(root, postgres.port(), kafka.bootstrapServers(), openSearch.url(), catalog.url(), search.url(),
                catalog.pid(), search.pid(), jvmOptions);
        info.write(data.resolve(StackInfo.FILE));
    }

    public StackInfo info() {
        return info;
    }

    @Override
    public synchronized void close() {
        try {
            Files.deleteIfExists(data.resolve(StackInfo.FILE));
        } catch (IOException ignored) {
            // best effort
        }
        if (search != null) {
            search.close();
            search = null;
        }
        if (catalog != null) {
            catalog.close();
            catalog = null;
        }
        if (openSearch != null) {
            openSearch.close();
            openSearch = null;
        }
        if (kafka != null) {
            java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.SEVERE);
            try {
                kafka.close();
            } catch (Exception e) {
                System.err.println("Stopping Kafka failed: " + e);
            }
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    // Held: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
    private static final List<java.util.logging.Logger> QUIET = new java.util.ArrayList<>();

    /** Kafka's and zonky's INFO chatter down to WARNING, as the local run does. */
    private static synchronized void quietServers() {
        if (QUIET.isEmpty()) {
            for (String category : List.of("kafka", "state.change.logger", "org.apache.kafka", "io.zonky")) {
                java.util.logging.Logger logger = java.util.logging.Logger.getLogger(category);
                logger.setLevel(java.util.logging.Level.WARNING);
                QUIET.add(logger);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
