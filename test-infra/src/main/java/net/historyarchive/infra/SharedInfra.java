package net.historyarchive.infra;

import java.io.IOException;

/**
 * One PostgreSQL, one Kafka and one OpenSearch node for the whole test JVM, each started on first
 * use (a test that needs no OpenSearch never pays for it) and stopped by a JVM shutdown hook.
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
    private static OpenSearchServer openSearch;
    private static boolean hookRegistered;

    private SharedInfra() {
    }

    private static PostgresServer postgres() {
        if (postgres == null) {
            postgres = startServer("PostgreSQL", PostgresServer::startTemporary);
        }
        return postgres;
    }

    private static KafkaBroker kafka() {
        if (kafka == null) {
            kafka = startServer("Kafka", KafkaBroker::startTemporary);
        }
        return kafka;
    }

    private static OpenSearchServer openSearch() {
        if (openSearch == null) {
            openSearch = startServer("OpenSearch", OpenSearchServer::startTemporary);
        }
        return openSearch;
    }

    private interface Starter<T> {
        T start() throws Exception;
    }

    /** Starts a server with this class' loader as context loader, and makes sure the hook will stop it. */
    private static <T> T startServer(String what, Starter<T> starter) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        // Threads that Kafka and the JDBC driver create inherit this loader; keep it the long-lived one.
        current.setContextClassLoader(SharedInfra.class.getClassLoader());
        try {
            Logs.quietServers();
            if (!hookRegistered) {
                Thread hook = new Thread(SharedInfra::shutdown, "archive-infra-shutdown");
                hook.setContextClassLoader(SharedInfra.class.getClassLoader());
                Runtime.getRuntime().addShutdownHook(hook);
                hookRegistered = true;
            }
            return starter.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded " + what, e);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    /** Creates the database if missing; returns its JDBC URL (no credentials in it). */
    static synchronized String ensureDatabase(String database) {
        return postgres().ensureDatabase(database);
    }

    static synchronized int postgresPort() {
        return postgres().port();
    }

    static synchronized String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    static synchronized boolean isKafkaRunning() {
        return kafka().isRunning();
    }

    static synchronized void stopKafka() {
        kafka().stop();
    }

    static synchronized void startKafka() {
        KafkaBroker broker = kafka();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SharedInfra.class.getClassLoader());
        try {
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not restart Kafka", e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    static synchronized String openSearchUrl() {
        return openSearch().url();
    }

    static synchronized boolean isOpenSearchRunning() {
        return openSearch().isRunning();
    }

    static synchronized void stopOpenSearch() {
        openSearch().stop();
    }

    static synchronized void killOpenSearch() {
        openSearch().kill();
    }

    static synchronized void startOpenSearch() {
        try {
            openSearch().start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not restart OpenSearch", e);
        }
    }

    // Not synchronized: a test thread might still hold the lock while the JVM exits.
    private static void shutdown() {
        KafkaBroker k = kafka;
        PostgresServer pg = postgres;
        OpenSearchServer os = openSearch;
        if (os != null) {
            try {
                os.close();
            } catch (RuntimeException e) {
                System.err.println("archive-infra: stopping OpenSearch failed: " + e);
            }
        }
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
