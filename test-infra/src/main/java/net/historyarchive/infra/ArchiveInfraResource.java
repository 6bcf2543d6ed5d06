package net.historyarchive.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: a real Kafka broker, and on request a real PostgreSQL 17 and a real
 * OpenSearch node, each started once per JVM and shared by every {@code @QuarkusTest} class. Use it as
 * {@code @WithTestResource(value = ArchiveInfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))}
 * (or {@code @QuarkusTestResource}). Init args:
 * <ul>
 *   <li>{@code database}: the PostgreSQL database to create and configure as the default
 *       datasource; without it no PostgreSQL is started and no datasource is configured.</li>
 *   <li>{@code opensearch=true}: start the OpenSearch node and configure {@code archive.opensearch.url}.</li>
 * </ul>
 *
 * <p>{@link #stop()} does nothing: the servers outlive each test class and a JVM shutdown hook
 * stops them. The static methods reach the same servers from test code, for example to read a
 * topic or to take Kafka or OpenSearch down for a fault test.
 */
public class ArchiveInfraResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String OPENSEARCH_ARG = "opensearch";

    private String database;
    private boolean openSearch;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
        openSearch = Boolean.parseBoolean(initArgs.getOrDefault(OPENSEARCH_ARG, "false"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        startKafka(); // no-op unless an earlier fault test left the broker stopped
        config.put("kafka.bootstrap.servers", bootstrapServers());
        if (database != null) {
            config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
            config.put("archive.test.postgres.port", Integer.toString(postgresPort()));
        }
        if (openSearch) {
            startOpenSearch(); // no-op unless an earlier fault test left the node stopped
            config.put("archive.opensearch.url", openSearchUrl());
        }
        return config;
    }

    @Override
    public void stop() {
        // Shared for the whole JVM: the shutdown hook in SharedInfra stops the servers.
    }

    /** JDBC URL of the database, created first if missing. User and password: postgres/postgres. */
    public static String jdbcUrl(String database) {
        return (String) call("ensureDatabase", database);
    }

    public static int postgresPort() {
        return (Integer) call("postgresPort");
    }

    public static String bootstrapServers() {
        return (String) call("bootstrapServers");
    }

    /** Takes the broker down (connection refused on its port) until {@link #startKafka()}. */
    public static void stopKafka() {
        call("stopKafka");
    }

    /** Brings the broker back on the same port; returns once clients can use it again. */
    public static void startKafka() {
        call("startKafka");
    }

    public static boolean isKafkaRunning() {
        return (Boolean) call("isKafkaRunning");
    }

    /** Base URL of the OpenSearch node (started first if it is not yet), e.g. http://127.0.0.1:20042. */
    public static String openSearchUrl() {
        return (String) call("openSearchUrl");
    }

    /** SIGTERM: the node closes cleanly; connection refused on its port until {@link #startOpenSearch()}. */
    public static void stopOpenSearch() {
        call("stopOpenSearch");
    }

    /** SIGKILL, as a crash would; the node's data stays for {@link #startOpenSearch()}. */
    public static void killOpenSearch() {
        call("killOpenSearch");
    }

    /** Brings the node back on the same port and data; returns once the cluster is at least yellow. */
    public static void startOpenSearch() {
        call("startOpenSearch");
    }

    public static boolean isOpenSearchRunning() {
        return (Boolean) call("isOpenSearchRunning");
    }

    /**
     * Calls the SharedInfra that the system class loader holds (the one every Quarkus class
     * loader can find); falls back to our own copy when the test-infra jar is not on the system
     * class path, as under some IDE runners.
     */
    private static Object call(String name, String... args) {
        Class<?> shared;
        try {
            shared = Class.forName(SharedInfra.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            shared = SharedInfra.class;
        }
        Class<?>[] types = new Class<?>[args.length];
        java.util.Arrays.fill(types, String.class);
        try {
            Method method = shared.getDeclaredMethod(name, types);
            method.setAccessible(true); // package-private, and in another class loader's package
            return method.invoke(null, (Object[]) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SharedInfra." + name + " not reachable", e);
        }
    }
}
