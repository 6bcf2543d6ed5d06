package net.historyarchive.opensearchnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * How to start {@link #MAIN_CLASS} in a JVM of its own: the class path is this module's jar (or
 * classes directory) followed by the node's dependencies, which the build wrote into the resource
 * {@value #RESOURCE} next to this class.
 *
 * <p>Only JDK types here, and no reference to OpenSearch: launchers load this class from a jar that
 * is on their class path WITHOUT OpenSearch's dependencies (they would clash with Quarkus').
 */
public final class NodeClasspath {

    /** Written by maven-dependency-plugin's build-classpath (see this module's pom). */
    static final String RESOURCE = "node-classpath.txt";

    /** Named as a string, so that loading this class never loads OpenSearch's. */
    public static final String MAIN_CLASS = "net.historyarchive.opensearchnode.OpenSearchNodeMain";

    private NodeClasspath() {
    }

    /** The {@code -cp} value for a JVM that runs {@link #MAIN_CLASS}. */
    public static String classpath() {
        return ownLocation() + java.io.File.pathSeparator + dependencies();
    }

    private static String dependencies() {
        try (InputStream in = NodeClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing next to " + NodeClasspath.class.getName()
                        + ": build the opensearch-node module (it writes the file at generate-resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar or classes directory this class was loaded from. */
    private static String ownLocation() {
        try {
            return Path.of(NodeClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("Cannot tell where " + NodeClasspath.class.getName() + " was loaded from", e);
        }
    }
}
