package net.historyarchive.systemtests.contracts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm linters .ci/install-api-linters installs (spectral, Redocly CLI, the AsyncAPI parser), found
 * through ARCHIVE_API_LINTERS or the default tools folder; run with their output captured.
 */
final class ApiLinters {

    private static final String DEFAULT_DIR = "api-linters-spectral6.16.3-redocly2.77.0-asyncapi3.6.6";

    private final Path dir;

    private ApiLinters(Path dir) {
        this.dir = dir;
    }

    static ApiLinters locate() {
        String configured = System.getenv("ARCHIVE_API_LINTERS");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache/historyarchive/tools", DEFAULT_DIR);
        if (!Files.isExecutable(dir.resolve("node_modules/.bin/spectral"))) {
            throw new IllegalStateException("The API linters are not installed in " + dir
                    + ": run .ci/install-api-linters (it prints the folder; set ARCHIVE_API_LINTERS to it if it is not the default).");
        }
        return new ApiLinters(dir);
    }

    /** spectral lint with contracts/lint/spectral.yaml; any warning or error fails. */
    Result spectral(Path document) throws IOException, InterruptedException {
        return run(List.of(bin("spectral"), "lint", "--ruleset", lintConfig("spectral.yaml"), "--fail-severity", "warn",
                document.toString()));
    }

    /**
     * redocly lint with contracts/lint/redocly.yaml (recommended rules), as JSON on stdout: {@code totals}
     * counts errors and warnings, {@code problems} lists them.
     */
    Result redocly(Path document) throws IOException, InterruptedException {
        return run(List.of(bin("redocly"), "lint", "--config", lintConfig("redocly.yaml"), "--format", "json",
                document.toString()));
    }

    /** The AsyncAPI parser's validation and ruleset (contracts/lint/asyncapi-lint.cjs). */
    Result asyncapi(Path document) throws IOException, InterruptedException {
        return run(List.of("node", lintConfig("asyncapi-lint.cjs"), document.toString()));
    }

    private String bin(String name) {
        return dir.resolve("node_modules/.bin").resolve(name).toString();
    }

    private static String lintConfig(String file) {
        return ContractFiles.contracts().resolve("lint").resolve(file).toString();
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("api-lint", ".log");
        Path errors = Files.createTempFile("api-lint", ".err");
        try {
            // stdout alone is the result (Redocly's JSON); stderr carries notices such as Node.js deprecations.
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectError(errors.toFile())
                    .redirectOutput(log.toFile()).directory(ContractFiles.root().toFile());
            builder.environment().put("NODE_PATH", dir.resolve("node_modules").toString());
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(errors);
        }
    }

    record Result(int exitCode, String output, String errors) {

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n" + output + (errors.isBlank() ? "" : "\nstderr:\n" + errors);
        }
    }
}
