package net.historyarchive.opensearchnode;

import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one OpenSearch node in this JVM until SIGTERM, which closes it cleanly.
 *
 * <pre>java -cp &lt;NodeClasspath.classpath()&gt; net.historyarchive.opensearchnode.OpenSearchNodeMain \
 *     path.home=DIR [setting=value ...]</pre>
 *
 * Every argument is an OpenSearch setting ({@code path.data}, {@code path.logs}, {@code http.port}
 * (a port or a range such as 20000-20100), {@code transport.port}, {@code cluster.name}, ...);
 * they override the defaults below. The node writes the ports it bound to
 * {@code <path.logs>/http.ports} and {@code transport.ports}, and logs to standard output.
 */
public final class OpenSearchNodeMain {

    /** A local single node: no discovery, localhost only, no disk watermarks, ports files on. */
    static final Map<String, String> DEFAULTS = Map.of(
            "discovery.type", "single-node",
            "network.host", "127.0.0.1",
            "node.portsfile", "true",
            "node.name", "archive-node",
            // Test machines and laptops often have little free disk; the watermarks would then
            // block writes (read-only indices) for reasons the archive does not care about here.
            "cluster.routing.allocation.disk.threshold_enabled", "false");

    /** What a distribution loads as modules and the archive uses (HTTP, analyzers, field types, scripts). */
    static final List<Class<? extends Plugin>> PLUGINS = List.of(
            org.opensearch.transport.Netty4Plugin.class,
            org.opensearch.analysis.common.CommonAnalysisPlugin.class,
            org.opensearch.index.mapper.MapperExtrasPlugin.class,
            org.opensearch.painless.PainlessPlugin.class);

    /**
     * Set by launchers for a node whose directory is theirs to delete ({@code -Darchive.opensearch.temporary=true}):
     * if the launcher dies without deleting it, the node does so as it exits.
     */
    static final String TEMPORARY_PROPERTY = "archive.opensearch.temporary";

    private static volatile Path homeToDelete;

    private OpenSearchNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = settings(args);
        createDirectories(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings, Map.of(), null, () -> DEFAULTS.get("node.name"));
        configureLogging(environment);
        Node node = new ClasspathPluginNode(environment);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close(node);
            deleteIfOrphaned();
        }, "opensearch-node-shutdown"));
        exitWithParent(environment.settings());
        try {
            node.start();
        } catch (Exception | Error e) {
            System.err.println("OpenSearch node failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        // OpenSearch's own threads are daemons: keep the JVM alive until SIGTERM (the hook closes the node).
        new CountDownLatch(1).await();
    }

    /**
     * A node must not outlive the JVM that launched it: a test JVM killed by Surefire or a local
     * run killed with SIGKILL would otherwise leave a 1 GB orphan holding its port and data.
     */
    private static void exitWithParent(Settings settings) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("The launching process (pid " + parent.pid() + ") exited; closing the node");
            if (Boolean.getBoolean(TEMPORARY_PROPERTY)) {
                homeToDelete = Path.of(settings.get("path.home"));
            }
            System.exit(0); // runs the shutdown hook, which closes the node
        }));
    }

    /** A temporary node whose launcher died takes its directory (data, logs) with it. */
    private static void deleteIfOrphaned() {
        Path home = homeToDelete;
        if (home == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("Could not delete " + home + ": " + e);
        }
    }

    static Settings settings(String[] args) {
        Settings.Builder builder = Settings.builder();
        DEFAULTS.forEach(builder::put);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("Expected setting=value, got: " + arg);
            }
            builder.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Settings settings = builder.build();
        if (!settings.hasValue("path.home")) {
            throw new IllegalArgumentException("path.home=DIR is required");
        }
        return settings;
    }

    /**
     * INFO and above to standard output (the launcher sends it to a log file). Without a
     * configuration, OpenSearch's Log4j prints errors only, and a slow or failing start says nothing.
     */
    private static void configureLogging(Environment environment) throws Exception {
        Path config = environment.configFile();
        Files.createDirectories(config);
        Files.writeString(config.resolve("log4j2.properties"), String.join("\n",
                "status = error",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %m%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.console.ref = console",
                ""));
        LogConfigurator.registerErrorListener();
        LogConfigurator.configure(environment);
    }

    /** The node writes its ports files into path.logs but does not create it. */
    private static void createDirectories(Settings settings) throws IOException {
        for (String key : List.of("path.home", "path.logs")) {
            String dir = settings.get(key);
            if (dir != null) {
                Files.createDirectories(Path.of(dir));
            }
        }
    }

    private static void close(Node node) {
        try {
            node.close();
            if (!node.awaitClose(30, TimeUnit.SECONDS)) {
                System.err.println("OpenSearch node did not close within 30 s");
            }
        } catch (Exception e) {
            System.err.println("Closing the OpenSearch node failed: " + e);
        }
    }

    /** Node's protected constructor is the one that accepts plugins found on the class path. */
    private static final class ClasspathPluginNode extends Node {
        ClasspathPluginNode(Environment environment) {
            // true: forbid private index settings in requests, as a real node does
            super(environment, PLUGINS, true);
        }
    }
}
