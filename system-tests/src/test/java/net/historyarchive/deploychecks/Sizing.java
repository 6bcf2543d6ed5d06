package net.historyarchive.deploychecks;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' memory and shutdown budgets, and the measurements they rest on (README "Memory
 * sizing", docs/benchmarks.md "Footprint under container limits").
 */
final class Sizing {

    /** The container memory limit of both services, in MiB (compose mem_limit, k8s limits.memory). */
    static final long LIMIT_MIB = 768;

    /**
     * Measured: the most memory a service JVM used besides its heap (metaspace, code cache, threads,
     * direct buffers of Netty and Kafka, GC structures), in MiB: catalog-service in a 768 MiB memory
     * cgroup with its image's options peaked at 508 MiB RSS with a 371 MiB heap during a 50,000-line
     * import (docs/benchmarks.md, "Footprint under a container limit").
     */
    static final long MEASURED_NON_HEAP_MIB = 137;

    /** The relay (catalog) or the consumer (search) gets this long to stop after the HTTP drain. */
    static final long WORKER_STOP_SECONDS = 10;

    private Sizing() {
    }

    /** The heap share of the limit that JVM options give, from -XX:MaxRAMPercentage. */
    static double heapPercentage(String javaOpts) {
        Matcher m = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)").matcher(javaOpts);
        if (!m.find()) {
            throw new AssertionError("JVM options without -XX:MaxRAMPercentage: " + javaOpts);
        }
        if (javaOpts.contains("-Xmx")) {
            throw new AssertionError("JVM options fix the heap with -Xmx, not as a share of the limit: " + javaOpts);
        }
        return Double.parseDouble(m.group(1));
    }

    /** The image's default JVM options (ENV JAVA_OPTS in the module's Dockerfile). */
    static String imageJavaOpts(String module) {
        Matcher m = Pattern.compile("(?m)^ENV JAVA_OPTS=\"([^\"]*)\"").matcher(Repo.read(module + "/Dockerfile"));
        if (!m.find()) {
            throw new AssertionError(module + "/Dockerfile sets no ENV JAVA_OPTS=\"...\"");
        }
        return m.group(1);
    }

    /** Longest graceful stop of a service after SIGTERM: shutdown delay + drain timeout + worker stop. */
    static long shutdownSeconds(String module) {
        ServiceConfig config = ServiceConfig.of(module);
        return seconds(config, "quarkus.shutdown.delay") + seconds(config, "quarkus.shutdown.timeout") + WORKER_STOP_SECONDS;
    }

    static long seconds(ServiceConfig config, String key) {
        String value = config.properties().get(key);
        if (value == null) {
            throw new AssertionError(config.module() + " sets no " + key + " (graceful shutdown)");
        }
        return Duration.parse("PT" + value.strip().toUpperCase(Locale.ROOT)).toSeconds();
    }
}
