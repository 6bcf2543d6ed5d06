package net.historyarchive.infra.bench.suite;

import net.historyarchive.infra.ArchiveStack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where a benchmark stack's parts listen and which processes the services are: written by
 * {@link BenchStack} to {@code DATA/stack.properties}, read by the benchmarks.
 */
public record StackInfo(Path root, int postgresPort, String kafkaBootstrap, String openSearchUrl,
                        String catalogUrl, String searchUrl,
                        long catalogPid, long searchPid, List<String> serviceJvmOptions) {

    public static final String FILE = "stack.properties";

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    public Path catalogJar() {
        return root.resolve("catalog-service/target/quarkus-app/quarkus-run.jar");
    }

    public Path searchJar() {
        return root.resolve("search-service/target/quarkus-app/quarkus-run.jar");
    }

    /** The environment a service instance of this stack runs with (what the local run sets). */
    public Map<String, String> serviceEnv(String database, int httpPort) {
        return ArchiveStack.serviceEnv(root, jdbcUrl(database), kafkaBootstrap, openSearchUrl, httpPort);
    }

    /** The environment a catalog-service instance of this stack runs with (what the local run sets). */
    public Map<String, String> catalogEnv(int httpPort) {
        Map<String, String> env = commonEnv(httpPort);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl("catalog"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        return env;
    }

    /** The environment a search-service instance of this stack runs with: Kafka and OpenSearch, no database. */
    public Map<String, String> searchEnv(int httpPort) {
        Map<String, String> env = commonEnv(httpPort);
        env.put("ARCHIVE_OPENSEARCH_URL", openSearchUrl);
        return env;
    }

    private Map<String, String> commonEnv(int httpPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", root.resolve("test-infra/src/main/resources/dev-keys/public.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", "archive-dev");
        return env;
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("root", root.toString());
        p.setProperty("postgresPort", Integer.toString(postgresPort));
        p.setProperty("kafkaBootstrap", kafkaBootstrap);
        p.setProperty("openSearchUrl", openSearchUrl);
        p.setProperty("catalogUrl", catalogUrl);
        p.setProperty("searchUrl", searchUrl);
        p.setProperty("catalogPid", Long.toString(catalogPid));
        p.setProperty("searchPid", Long.toString(searchPid));
        p.setProperty("serviceJvmOptions", String.join(" ", serviceJvmOptions));
        p.setProperty("stackPid", Long.toString(ProcessHandle.current().pid()));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "benchmark stack (deleted when it stops)");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The stack described in {@code file} if its process is still alive, else null. */
    static StackInfo readIfAlive(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        long stackPid = Long.parseLong(p.getProperty("stackPid", "-1"));
        if (ProcessHandle.of(stackPid).map(ProcessHandle::isAlive).orElse(false)) {
            String opts = p.getProperty("serviceJvmOptions", "").trim();
            return new StackInfo(Path.of(p.getProperty("root")), Integer.parseInt(p.getProperty("postgresPort")),
                    p.getProperty("kafkaBootstrap"), p.getProperty("openSearchUrl"), p.getProperty("catalogUrl"), p.getProperty("searchUrl"),
                    Long.parseLong(p.getProperty("catalogPid")), Long.parseLong(p.getProperty("searchPid")),
                    opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+")));
        }
        return null;
    }
}
