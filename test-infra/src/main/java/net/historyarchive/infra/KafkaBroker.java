package net.historyarchive.infra;

import kafka.server.BrokerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real in-process Kafka 4 broker in KRaft mode (one combined broker+controller node, no ZooKeeper).
 *
 * <p>{@link #startTemporary()} uses Kafka's own {@link KafkaClusterTestKit} (random ports, temp dirs).
 * {@link #startPersistent(int, int, Path)} formats a log dir once and runs {@link KafkaRaftServer}
 * on fixed ports, because the test kit always binds random ports and formats fresh directories.
 *
 * <p>{@link #stop()} and {@link #start()} take the broker down and back up on the same port, for
 * fault tests: with the test kit only the broker role restarts (the controller keeps the metadata);
 * the persistent server restarts whole from its log dir.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Settings a single-node cluster needs (internal topics default to 3 replicas) plus fast groups. */
    private static final Map<String, String> SINGLE_NODE = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "5",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.state.log.num.partitions", "5",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "true",
            "num.partitions", "1");

    /** The two ways to run a node; both keep the broker port across stop/start. */
    private interface Engine {
        void startBroker() throws Exception;

        void stopBroker();

        void close() throws Exception;
    }

    private final Engine engine;
    private final String bootstrapServers;
    private volatile boolean running;

    private KafkaBroker(Engine engine, String bootstrapServers) {
        this.engine = engine;
        this.bootstrapServers = bootstrapServers;
        this.running = true;
    }

    /** Random free ports, temp directories deleted on close; for tests and benchmarks. */
    public static KafkaBroker startTemporary() throws Exception {
        reportInsteadOfEndingTheJvm();
        TestKitNodes nodes = new TestKitNodes.Builder()
                // Same feature level as the local run and a real 4.1 cluster, not the test kit's unreleased one.
                .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        SINGLE_NODE.forEach(builder::setConfigProp);
        KafkaClusterTestKit kit = builder.build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            KafkaBroker broker = new KafkaBroker(new TestKitEngine(kit), kit.bootstrapServers());
            broker.awaitReady(Duration.ofSeconds(60));
            return broker;
        } catch (Exception | Error e) {
            closeQuietly(kit);
            throw e;
        }
    }

    /**
     * Kafka ends its process on a fatal fault ({@link Exit#halt}); inside a test JVM that shows only
     * as a fork that "exited abnormally", with no reason. A fork ended so after all its tests had
     * passed twice in CI (cause not established; this is one way it happens): the reason is now
     * printed and the JVM left to end on its own, so a broken broker fails its tests visibly.
     */
    private static void reportInsteadOfEndingTheJvm() {
        Exit.Procedure report = (status, message) -> System.err.println(
                "[kafka] the embedded broker asked to end the JVM (status " + status + "): " + message + "; not ended, test JVM");
        Exit.setHaltProcedure(report);
        Exit.setExitProcedure(report);
    }

    /**
     * Fixed ports and a log directory that survives restarts; the directory is formatted
     * (KRaft storage format) only the first time.
     */
    public static KafkaBroker startPersistent(int port, int controllerPort, Path logDir) throws Exception {
        Files.createDirectories(logDir);
        String dir = logDir.toAbsolutePath().toString();
        Map<String, String> props = new HashMap<>(SINGLE_NODE);
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dir);
        props.put("metadata.log.dir", dir);
        KafkaConfig config = new KafkaConfig(props, false);

        // Format once; the Formatter would reject a formatted dir whose cluster id differs from a new one.
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dir))
                    .setMetadataLogDirectory(dir)
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        }

        RaftEngine engine = new RaftEngine(config);
        engine.startBroker();
        KafkaBroker broker = new KafkaBroker(engine, "localhost:" + port);
        try {
            broker.awaitReady(Duration.ofSeconds(120));
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** host:port list for clients ({@code kafka.bootstrap.servers}). */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean isRunning() {
        return running;
    }

    /** Takes the broker down; clients see connection refused on its port until {@link #start()}. */
    public synchronized void stop() {
        if (running) {
            engine.stopBroker();
            running = false;
        }
    }

    /** Brings a stopped broker back on the same port and waits until clients can use it. */
    public synchronized void start() throws Exception {
        if (!running) {
            engine.startBroker();
            running = true;
            awaitReady(Duration.ofSeconds(120));
        }
    }

    @Override
    public synchronized void close() throws Exception {
        running = false;
        engine.close();
    }

    /** Ready = an admin client can describe the cluster and sees one live broker. */
    private void awaitReady(Duration timeout) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Kafka at " + bootstrapServers + " not ready after " + timeout, last);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing; the original error matters more
        }
    }

    /** KafkaClusterTestKit: restart only the broker role; its socket factory rebinds the same port. */
    private static final class TestKitEngine implements Engine {
        private final KafkaClusterTestKit kit;

        TestKitEngine(KafkaClusterTestKit kit) {
            this.kit = kit;
        }

        private BrokerServer broker() {
            return kit.brokers().values().iterator().next();
        }

        @Override
        public void startBroker() throws Exception {
            broker().startup();
            kit.waitForReadyBrokers();
        }

        @Override
        public void stopBroker() {
            broker().shutdown();
        }

        @Override
        public void close() throws Exception {
            kit.close(); // also deletes the temp base directory
        }
    }

    /** KafkaRaftServer on fixed ports; a restart builds a new server over the same log dir. */
    private static final class RaftEngine implements Engine {
        private final KafkaConfig config;
        private KafkaRaftServer server;

        RaftEngine(KafkaConfig config) {
            this.config = config;
        }

        @Override
        public void startBroker() {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
        }

        @Override
        public void stopBroker() {
            if (server != null) {
                server.shutdown();
                server.awaitShutdown();
                server = null;
            }
        }

        @Override
        public void close() {
            stopBroker();
        }
    }
}
