package net.historyarchive.deploychecks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions the root pom.xml defines once for the whole project: the project's own version (the
 * images' tag comes from it) and the Kafka version (clients, the tests' broker, and every Kafka the
 * deployment files run). Read as text: this module must not depend on Maven's model.
 */
final class ProjectVersions {

    private ProjectVersions() {
    }

    static String project() {
        Matcher m = Pattern.compile("<artifactId>archive-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Repo.read("pom.xml"));
        if (!m.find()) {
            throw new AssertionError("pom.xml: no <version> after <artifactId>archive-parent</artifactId>");
        }
        return m.group(1).strip();
    }

    static String kafka() {
        return property("kafka.version").orElseThrow(() -> new AssertionError("pom.xml defines no <kafka.version>"));
    }

    /** The OpenSearch version the tests' node runs, once the root pom defines it (the osnode work). */
    static Optional<String> opensearch() {
        return property("opensearch.version");
    }

    static Optional<String> property(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(Repo.read("pom.xml"));
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** The release a version is or leads to: 0.2.0-SNAPSHOT to 0.2.0. */
    static String release(String version) {
        return version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "-SNAPSHOT".length()) : version;
    }

    /** Compares dotted numeric versions (1.10.0 after 1.9.2). */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
