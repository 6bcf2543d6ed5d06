package net.historyarchive.infra;

/**
 * One PostgreSQL and one Kafka for the whole test JVM, started on first use and stopped by a
 * JVM shutdown hook.
 *
 * <p>Only JDK types cross this API on purpose: {@link ArchiveInfraResource} calls the copy of this
 * class that the JVM's system class loader holds, by reflection, so that every Quarkus test
 * class loader (Quarkus loads test code, and this jar, in its own loaders) reaches the same
 * servers, and the servers' threads never run on a class loader Quarkus has closed. The class is
 * package-private so tests cannot call a per-class-loader copy by mistake.
 */
final class SharedInfra {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private SharedInfra() {
    }

    /** Starts both servers if this JVM has not yet; cheap afterwards. */
    static synchronized void ensureStarted() {
        if (postgres != null) {
            return;
        }
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        // Threads that Kafka and the JDBC driver create inherit this loader; keep it the long-lived one.
        current.setContextClassLoader(SharedInfra.class.getClassLoader());
        try {
            Logs.quietServers();
            PostgresServer pg = PostgresServer.startTemporary();
            try {
                kafka = KafkaBroker.startTemporary();
            } catch (Exception | Error e) {
                pg.close();
                throw e;
            }
            postgres = pg;
            Thread hook = new Thread(SharedInfra::shutdown, "archive-infra-shutdown");
            hook.setContextClassLoader(SharedInfra.class.getClassLoader());
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL and Kafka", e);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    /** Creates the database if missing; returns its JDBC URL (no credentials in it). */
    static synchronized String ensureDatabase(String database) {
        ensureStarted();
        return postgres.ensureDatabase(database);
    }

    static synchronized int postgresPort() {
        ensureStarted();
        return postgres.port();
    }

    static synchronized String bootstrapServers() {
        ensureStarted();
        return kafka.bootstrapServers();
    }

    static synchronized boolean isKafkaRunning() {
        ensureStarted();
        return kafka.isRunning();
    }

    static synchronized void stopKafka() {
        ensureStarted();
        kafka.stop();
    }

    static synchronized void startKafka() {
        ensureStarted();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SharedInfra.class.getClassLoader());
        try {
            kafka.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not restart Kafka", e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    // Not synchronized: a test thread might still hold the lock while the JVM exits.
    private static void shutdown() {
        KafkaBroker k = kafka;
        PostgresServer pg = postgres;
        if (k != null) {
            // Bounded: a broker that was stopped and restarted can take long to close, and a test
            // JVM that does not exit in time is reported as a failure by Surefire.
            Thread closer = new Thread(() -> {
                try {
                    k.close();
                } catch (Exception e) {
                    System.err.println("archive-infra: stopping Kafka failed: " + e);
                }
            }, "archive-infra-kafka-close");
            closer.setDaemon(true);
            closer.start();
            try {
                closer.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pg != null) {
            pg.close();
        }
    }
}
