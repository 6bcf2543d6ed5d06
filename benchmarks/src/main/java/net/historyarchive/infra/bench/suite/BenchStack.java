package net.historyarchive.infra.bench.suite;

import net.historyarchive.infra.ArchiveStack;
import net.historyarchive.infra.ChildService;
import net.historyarchive.infra.OpenSearchServer;

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
 * The system under test for the benchmarks: an {@link ArchiveStack}, as the local run starts it
 * (PostgreSQL 17, Kafka, OpenSearch, catalog-service and search-service), on its own ports so that
 * a benchmark never meets the local run (15432, 19092, 18080, ...) or the tests, and with
 * PostgreSQL set up for a million documents.
 *
 * <pre>./archive bench stack [--data DIR] [--ports 25432,29092,29093,28080,28081,29200] [--service-jvm-options "..."] [--opensearch-heap 1g]</pre>
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
    private volatile ArchiveStack stack; // read by the shutdown hook
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
        // the node's heap (-Xms and -Xmx), 1g unless given: e.g. to see whether its collections matter at a million documents
        System.setProperty("archive.opensearch.heap", cli.string("opensearch-heap", OpenSearchServer.DEFAULT_HEAP));
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
        ArchiveStack.Ports stackPorts = new ArchiveStack.Ports(ports.get(0), ports.get(1), ports.get(2), ports.get(5),
                ports.get(3), ports.get(4));
        stack = ArchiveStack.persistent(root, data, stackPorts, POSTGRES_SETTINGS);
        stack.startServers(line -> System.out.println("[bench stack] " + line));
        startServices(stackPorts.catalog(), stackPorts.search(), jvmOptions);
    }

    /** Random ports, temporary data deleted on close: for the smoke test. */
    public static BenchStack startTemporary(Path root, Path data) throws Exception {
        BenchStack bench = new BenchStack(data);
        try {
            bench.stack = ArchiveStack.temporary(root, data.resolve("logs"));
            bench.stack.startServers(line -> { });
            bench.startServices(freePort(), freePort(), List.of());
            return bench;
        } catch (Exception | Error e) {
            bench.close();
            throw e;
        }
    }

    private void startServices(int catalogPort, int searchPort, List<String> jvmOptions) throws Exception {
        ChildService catalog = stack.startService("catalog-service", catalogPort, jvmOptions);
        ChildService search = stack.startService("search-service", searchPort, jvmOptions);
        catalog.awaitReady(READY_TIMEOUT);
        search.awaitReady(READY_TIMEOUT);
        info = new StackInfo(stack.root(), stack.postgres().port(), stack.kafka().bootstrapServers(), stack.openSearch().url(),
                catalog.url(), search.url(), catalog.pid(), search.pid(), jvmOptions);
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
        ArchiveStack running = stack;
        if (running != null) {
            running.expectExit(); // Ctrl-C reaches the services too
            running.close();
            stack = null;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
