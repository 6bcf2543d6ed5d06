package net.historyarchive.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Quarkus test resource: a real PostgreSQL 17 and a real Kafka broker, started once per JVM and
 * shared by every {@code @QuarkusTest} class. Use it as
 * {@code @WithTestResource(value = ArchiveInfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))}
 * (or {@code @QuarkusTestResource}).
 *
 * <p>{@link #stop()} does nothing: the servers outlive each test class and a JVM shutdown hook
 * stops them. The static methods reach the same servers from test code, for example to read a
 * topic or to take Kafka down for a fault test.
 */
public class ArchiveInfraResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "archive";

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        startKafka(); // no-op unless an earlier fault test left the broker stopped
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "kafka.bootstrap.servers", bootstrapServers(),
                "archive.test.postgres.port", Integer.toString(postgresPort()));
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

    /**
     * Calls the SharedInfra that the system class loader holds (the one every Quarkus class
     * loader can find); falls back to our own copy when the infra jar is not on the system
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
