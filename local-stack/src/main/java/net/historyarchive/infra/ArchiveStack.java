package net.historyarchive.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The whole archive without Docker: PostgreSQL 17 (databases catalog and search), Kafka and
 * OpenSearch, then catalog-service and search-service as child JVMs configured as in production,
 * through environment variables; {@link #close()} stops the services first, then OpenSearch, Kafka
 * and PostgreSQL. The local run ({@link LocalStack}) and the benchmark stack are both one of these,
 * each on its own ports and data directory.
 */
public final class ArchiveStack implements AutoCloseable {

    /** Where each part listens; OpenSearch's transport takes {@code openSearch + 100}. */
    public record Ports(int postgres, int kafka, int kafkaController, int openSearch, int catalog, int search) {

        /** Every port the stack binds, with what binds it (for messages about a taken port). */
        public Map<Integer, String> roles() {
            Map<Integer, String> roles = new LinkedHashMap<>();
            roles.put(postgres, "PostgreSQL");
            roles.put(kafka, "Kafka broker");
            roles.put(kafkaController, "Kafka controller");
            roles.put(openSearch, "OpenSearch");
            roles.put(openSearch + 100, "OpenSearch transport");
            roles.put(catalog, "catalog-service");
            roles.put(search, "search-service");
            return roles;
        }
    }

    private final Path root;
    private final Path logs;
    private final Starts servers;
    private final List<ChildService> services = new CopyOnWriteArrayList<>(); // read by shutdown hooks
    private volatile PostgresServer postgres;
    private volatile KafkaBroker kafka;
    private volatile OpenSearchServer openSearch;

    private interface Starts {
        void run(ArchiveStack stack, Consumer<String> progress) throws Exception;
    }

    private ArchiveStack(Path root, Path logs, Starts servers) {
        this.root = root;
        this.logs = logs;
        this.servers = servers;
    }

    /**
     * Fixed ports, data kept in {@code data/postgres}, {@code data/kafka} and {@code data/opensearch},
     * logs in {@code data/logs}. Nothing runs before {@link #startServers}.
     *
     * @param postgresSettings postgresql.conf settings for this start (on top of the durable defaults)
     */
    public static ArchiveStack persistent(Path root, Path data, Ports ports, Map<String, String> postgresSettings) {
        Path logs = data.resolve("logs");
        return new ArchiveStack(root, logs, (stack, progress) -> {
            progress.accept("Starting PostgreSQL 17 on port " + ports.postgres() + " (data: " + data.resolve("postgres") + ")");
            stack.postgres = PostgresServer.startPersistent(ports.postgres(), data.resolve("postgres"),
                    logs.resolve("postgres.log"), postgresSettings);
            progress.accept("Starting Kafka on port " + ports.kafka() + " (data: " + data.resolve("kafka") + ")");
            Logs.quietServers();
            stack.kafka = KafkaBroker.startPersistent(ports.kafka(), ports.kafkaController(), data.resolve("kafka"));
            progress.accept("Starting OpenSearch on port " + ports.openSearch() + " (data: " + data.resolve("opensearch") + ")");
            stack.openSearch = OpenSearchServer.startPersistent(ports.openSearch(), data.resolve("opensearch"),
                    logs.resolve("opensearch.log"));
        });
    }

    /** Free ports and temporary data deleted on close; service logs go to {@code logs}. */
    public static ArchiveStack temporary(Path root, Path logs) {
        return new ArchiveStack(root, logs, (stack, progress) -> {
            stack.postgres = PostgresServer.startTemporary();
            Logs.quietServers();
            stack.kafka = KafkaBroker.startTemporary();
            stack.openSearch = OpenSearchServer.startTemporary();
        });
    }

    /**
     * Starts PostgreSQL (creating the databases catalog and search), Kafka and OpenSearch; on a
     * failure stops what did start and throws.
     *
     * @param progress told what starts, for the console
     */
    public void startServers(Consumer<String> progress) throws Exception {
        try {
            Files.createDirectories(logs);
            servers.run(this, progress);
            postgres.ensureDatabase("catalog");
            postgres.ensureDatabase("search");
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Where this stack's catalog-service answers, once started (search-service's consistency check needs it). */
    private String catalogUrl;

    /** The repository root (services' jars and the development key are found from it). */
    public Path root() {
        return root;
    }

    /** The packaged service, {@code <module>/target/quarkus-app/quarkus-run.jar}. */
    public Path jar(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * Starts {@code catalog-service} or {@code search-service} (database {@code catalog} or
     * {@code search}) on {@code port}, its log in the stack's logs; does not wait for it.
     */
    public ChildService startService(String module, int port, List<String> jvmOptions) throws IOException {
        String database = module.substring(0, module.indexOf('-'));
        ChildService service = new ChildService(module, port, logs.resolve(module + ".log"));
        Map<String, String> env = serviceEnv(root, postgres.jdbcUrl(database), kafka.bootstrapServers(), openSearch.url(), port);
        if (module.equals("catalog-service")) {
            catalogUrl = "http://localhost:" + port;
        } else if (catalogUrl != null) {
            env.put("ARCHIVE_CATALOG_URL", catalogUrl); // search-service's consistency check reads the catalog's change feed
        }
        service.start(jar(module), jvmOptions, env);
        services.add(service);
        return service;
    }

    /** The environment a service of a stack runs with: what production sets, with the development key. */
    public static Map<String, String> serviceEnv(Path root, String jdbcUrl, String kafkaBootstrap, String openSearchUrl,
                                                 int httpPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("ARCHIVE_OPENSEARCH_URL", openSearchUrl);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", root.resolve(DevToken.PUBLIC_KEY_PATH).toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevToken.ISSUER);
        return env;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public OpenSearchServer openSearch() {
        return openSearch;
    }

    /** From now on the services may exit without it being news (Ctrl-C reaches them too). */
    public void expectExit() {
        services.forEach(ChildService::expectExit);
    }

    /** Services first (they still need the servers while stopping), then OpenSearch, Kafka, PostgreSQL. */
    @Override
    public synchronized void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        services.clear();
        if (openSearch != null) {
            openSearch.close();
            openSearch = null;
        }
        if (kafka != null) {
            // Kafka warns about its own clients closing in the wrong order while it stops; not news.
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
}
