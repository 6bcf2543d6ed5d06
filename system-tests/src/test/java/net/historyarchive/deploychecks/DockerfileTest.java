package net.historyarchive.deploychecks;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The services' Dockerfiles and the build context's .dockerignore. */
class DockerfileTest {

    record Instruction(String keyword, String args) {
    }

    /** Dockerfile instructions: comments dropped, backslash continuations joined. */
    static List<Instruction> parse(String dockerfile) {
        List<Instruction> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            current.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            int space = text.indexOf(' ');
            result.add(new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT),
                    text.substring(space + 1).strip().replaceAll("\\s+", " ")));
        }
        return result;
    }

    static List<Instruction> lastStage(List<Instruction> all) {
        int lastFrom = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return all.subList(lastFrom, all.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "search-service"})
    void multiStageBuildFromSourceThenJreAsNonRoot(String module) {
        List<Instruction> all = parse(Repo.read(module + "/Dockerfile"));
        List<Instruction> froms = all.stream().filter(i -> i.keyword().equals("FROM")).toList();
        assertThat(froms).as("multi-stage").hasSizeGreaterThanOrEqualTo(2);
        assertThat(froms.get(0).args()).as("build stage: Maven with Temurin 17")
                .matches("maven:3\\.9\\.\\d+-eclipse-temurin-17 AS build");
        assertThat(froms.get(froms.size() - 1).args()).as("runtime stage: JRE only").isEqualTo("eclipse-temurin:17-jre");

        String buildRun = all.stream().filter(i -> i.keyword().equals("RUN") && i.args().contains("mvnw"))
                .map(Instruction::args).findFirst().orElseThrow(() -> new AssertionError("no ./mvnw RUN"));
        assertThat(buildRun).contains("./mvnw ", "-pl " + module, " -am", " package", "-DskipTests");

        List<Instruction> runtime = lastStage(all);
        List<String> users = runtime.stream().filter(i -> i.keyword().equals("USER")).map(Instruction::args).toList();
        assertThat(users).as("the runtime stage sets a USER").isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).as("numeric, so Kubernetes can verify runAsNonRoot").matches("\\d+");
        assertThat(Integer.parseInt(user)).as("non-root uid").isPositive();
        assertThat(Integer.parseInt(user)).as("the uid the k8s manifests run as").isEqualTo(10001);

        String quarkusApp = module + "/target/quarkus-app/";
        assertThat(runtime.stream().filter(i -> i.keyword().equals("COPY")).map(Instruction::args))
                .anySatisfy(copy -> assertThat(copy).startsWith("--from=build ").contains(quarkusApp + "lib/"))
                .anySatisfy(copy -> assertThat(copy).contains(quarkusApp + "*.jar"))
                .anySatisfy(copy -> assertThat(copy).contains(quarkusApp + "app/"))
                .anySatisfy(copy -> assertThat(copy).contains(quarkusApp + "quarkus/"));
        String entrypoint = runtime.stream().filter(i -> i.keyword().equals("ENTRYPOINT")).map(Instruction::args)
                .findFirst().orElseThrow(() -> new AssertionError("no ENTRYPOINT"));
        assertThat(entrypoint).startsWith("[").contains("exec java $JAVA_OPTS ", "-jar /deployments/quarkus-run.jar");
        assertThat(entrypoint).as("JVM tuning is overridable (JAVA_OPTS), never baked into the ENTRYPOINT")
                .doesNotContain("-Xmx", "-Xms", "MaxRAMPercentage", "MaxRAM=");
        String javaOpts = Sizing.imageJavaOpts(module);
        double heapShare = Sizing.heapPercentage(javaOpts) / 100;
        long heapMib = Math.round(Sizing.LIMIT_MIB * heapShare);
        assertThat(Sizing.LIMIT_MIB - heapMib)
                .as("room beside the heap in a %d MiB container: at least 2x the measured %d MiB",
                        Sizing.LIMIT_MIB, Sizing.MEASURED_NON_HEAP_MIB)
                .isGreaterThanOrEqualTo(2 * Sizing.MEASURED_NON_HEAP_MIB);
        assertThat(javaOpts).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(runtime.stream().filter(i -> i.keyword().equals("LABEL")).map(Instruction::args))
                .as("the image says its version (the release passes the Maven version)")
                .anySatisfy(label -> assertThat(label).contains("org.opencontainers.image.version=\"${VERSION}\""));
        String port = ServiceConfig.of(module).propertyKeys().contains("quarkus.http.port")
                ? readProperty(module, "quarkus.http.port") : "8080";
        assertThat(runtime).contains(new Instruction("EXPOSE", port));
    }

    private static String readProperty(String module, String key) {
        return Repo.read(module + "/src/main/resources/application.properties").lines()
                .filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1).strip())
                .findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "search-service"})
    void quarkusPackagesTheFastJarWhereTheDockerfileCopiesIt(String module) throws IOException {
        // Nothing moves the fast-jar away from target/quarkus-app/quarkus-run.jar ...
        assertThat(ServiceConfig.of(module).propertyKeys())
                .noneMatch(k -> k.startsWith("quarkus.package.") || k.startsWith("quarkus.native."));
        assertThat(Repo.read(module + "/pom.xml")).contains("<artifactId>quarkus-maven-plugin</artifactId>")
                .doesNotContain("quarkus.package.");
        // ... and when this build packaged the module (./mvnw verify builds system-tests after both services), it is there.
        Path jar = Repo.path(module + "/target/quarkus-app/quarkus-run.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar),
                () -> module + " has not been packaged in this build (e.g. ./mvnw -pl system-tests test): "
                        + Repo.relative(jar) + " not checked");
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            assertThat(jarFile.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        }
        assertThat(jar.resolveSibling("lib")).isDirectory();
        assertThat(jar.resolveSibling("app")).isDirectory();
        assertThat(jar.resolveSibling("quarkus")).isDirectory();
    }

    @Test
    void dockerignoreKeepsBuildOutputOutButEverythingTheBuildNeedsIn() {
        List<String> patterns = Repo.read(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(patterns).contains("**/target/", ".git/");
        // Maven reads every module's pom in the reactor, and -am builds test-infra and opensearch-node too.
        List<String> needed = new ArrayList<>(List.of("mvnw", ".mvn/wrapper/maven-wrapper.properties", "pom.xml",
                "test-infra/src/main/java/net/historyarchive/infra/DevToken.java",
                "catalog-service/src/main/resources/application.properties", "search-service/src/main/resources/application.properties"));
        for (String module : List.of("opensearch-node", "test-infra", "catalog-service", "search-service", "local-stack",
                "benchmarks", "system-tests")) {
            needed.add(module + "/pom.xml");
        }
        for (String path : needed) {
            assertThat(Repo.path(path)).as(path).exists();
            for (String pattern : patterns) {
                assertThat(ignores(pattern, path)).as(".dockerignore pattern %s must not exclude %s", pattern, path).isFalse();
            }
        }
        assertThat(ignores("**/target/", "catalog-service/target/quarkus-app/quarkus-run.jar")).isTrue();
        assertThat(ignores(".git/", ".git/config")).isTrue();
    }

    /** Docker's matching, approximated: a pattern excludes a path when it matches the path or a parent. */
    static boolean ignores(String pattern, String path) {
        if (pattern.startsWith("!")) {
            return false;
        }
        String glob = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        PathMatcher nested = glob.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)) : null;
        for (Path p = Path.of(path); p != null; p = p.getParent()) {
            if (matcher.matches(p) || (nested != null && nested.matches(p))) {
                return true;
            }
        }
        return false;
    }
}
