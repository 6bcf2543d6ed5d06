package net.historyarchive.infra.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's handle on the system under test: attaches to the {@link BenchStack} running on a
 * data directory, or starts one as a child JVM for the benchmark's run (stopped at the end unless
 * {@code --keep-stack}). The stack is a separate JVM so that Kafka never shares the benchmark's heap.
 */
public final class Stack implements AutoCloseable {

    private final StackInfo info;
    private final Process owned;
    private final BenchStack inProcess;

    private Stack(StackInfo info, Process owned, BenchStack inProcess) {
        this.info = info;
        this.owned = owned;
        this.inProcess = inProcess;
    }

    public StackInfo info() {
        return info;
    }

    /** Wraps a stack this JVM started itself (the smoke test); closing this does not stop it. */
    public static Stack of(BenchStack stack) {
        return new Stack(stack.info(), null, null);
    }

    /**
     * @param keep leave a stack started here running after the benchmark (it then serves the next one)
     */
    public static Stack open(Path root, Path data, List<Integer> ports, String serviceJvmOptions, boolean keep)
            throws IOException, InterruptedException {
        Path file = data.resolve(StackInfo.FILE);
        StackInfo running = StackInfo.readIfAlive(file);
        if (running != null) {
            System.out.println("[bench] using the stack running on " + data + " (catalog " + running.catalogUrl()
                    + ", search " + running.searchUrl() + ")");
            return new Stack(running, null, null);
        }
        Files.createDirectories(data.resolve("logs"));
        Path log = data.resolve("logs/stack.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Darchive.root=" + root,
                "-cp", System.getProperty("java.class.path"), BenchStack.class.getName(), "--data", data.toString(),
                "--ports", String.join(",", ports.stream().map(String::valueOf).toList())));
        if (!serviceJvmOptions.isBlank()) {
            command.add("--service-jvm-options");
            command.add(serviceJvmOptions);
        }
        System.out.println("[bench] starting a benchmark stack on " + data + " (log: " + log + ")");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + BenchStack.READY_TIMEOUT.plusMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            StackInfo info = StackInfo.readIfAlive(file);
            if (info != null) {
                if (keep) {
                    System.out.println("[bench] the stack keeps running after this benchmark (pid " + process.pid()
                            + "; stop it with: kill " + process.pid() + ")");
                }
                return new Stack(info, keep ? null : process, null);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the benchmark stack failed to start; see " + log);
            }
            Thread.sleep(250);
        }
        process.destroy();
        throw new IllegalStateException("the benchmark stack did not become ready; see " + log);
    }

    @Override
    public void close() {
        if (owned != null && owned.isAlive()) {
            owned.destroy(); // SIGTERM: its shutdown hook stops the services, Kafka and PostgreSQL in order
            try {
                if (!owned.waitFor(2, TimeUnit.MINUTES)) {
                    owned.destroyForcibly();
                }
            } catch (InterruptedException e) {
                owned.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (inProcess != null) {
            inProcess.close();
        }
    }
}
