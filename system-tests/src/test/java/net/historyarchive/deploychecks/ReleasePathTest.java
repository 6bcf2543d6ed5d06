package net.historyarchive.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release path, offline: .ci/release (versions and tag), .ci/publish-images (reproducible
 * images with SBOMs) and the workflow that runs them. No Docker engine exists where this project is
 * built, so the images themselves are not built here (README "Releases" says why Jib cannot either).
 */
class ReleasePathTest {

    static final String WORKFLOW = ".github/workflows/release.yml";

    /**
     * The inputs of each action the workflow uses, at the pinned commit (from its action.yml; the
     * commit is the tag named in the workflow's comment, looked up in the action's repository).
     */
    static final Map<String, Set<String>> ACTION_INPUTS = Map.of(
            "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1", Set.of("repository", "ref", "token", "ssh-key",
                    "ssh-known-hosts", "ssh-strict", "ssh-user", "persist-credentials", "path", "clean", "filter",
                    "sparse-checkout", "sparse-checkout-cone-mode", "fetch-depth", "fetch-tags", "show-progress", "lfs",
                    "submodules", "set-safe-directory", "github-server-url", "allow-unsafe-pr-checkout"),
            "actions/setup-java@b6effb05e454b25005698d916606bdc6ffcbf961", Set.of("java-version", "java-version-file",
                    "distribution", "java-package", "architecture", "jdk-file", "check-latest", "set-default", "verify-signature",
                    "verify-signature-public-key", "server-id", "server-username", "server-password", "settings-path",
                    "overwrite-settings", "gpg-private-key", "gpg-passphrase", "cache", "cache-dependency-path", "job-status",
                    "token", "mvn-toolchain-id", "mvn-toolchain-vendor", "show-download-progress"),
            "actions/setup-node@820762786026740c76f36085b0efc47a31fe5020", Set.of("node-version", "node-version-file",
                    "architecture", "check-latest", "registry-url", "scope", "token", "cache", "package-manager-cache",
                    "cache-dependency-path", "mirror", "mirror-token"),
            "docker/setup-buildx-action@37fe631027851001ddb9b187196cc803df7f5f0e", Set.of("version", "driver", "driver-opts",
                    "buildkitd-flags", "buildkitd-config", "buildkitd-config-inline", "use", "name", "endpoint", "platforms",
                    "append", "keep-state", "cache-binary", "cleanup"),
            "docker/login-action@4907a6ddec9925e35a0a9e82d7399ccc52663121", Set.of("registry", "username", "password",
                    "ecr", "scope", "logout", "registry-auth"));

    @Test
    void theWorkflowTestsThenPublishesOnAVersionTagWithPinnedActions() {
        JsonNode workflow = Repo.yaml(WORKFLOW);
        // YAML 1.1 reads the key "on" as true.
        JsonNode on = workflow.has("on") ? workflow.path("on") : workflow.path("true");
        assertThat(on.path("push").path("tags").toString()).contains("v[0-9]+.[0-9]+.[0-9]+");
        assertThat(on.path("push").has("branches")).as("releases come from tags only").isFalse();
        assertThat(workflow.path("permissions").path("packages").asText()).isEqualTo("write");

        String text = Repo.read(WORKFLOW);
        List<String> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode job : iterable(workflow.path("jobs"))) {
            assertThat(job.path("timeout-minutes").isInt()).as("a bounded job").isTrue();
            for (JsonNode step : job.path("steps")) {
                if (step.has("uses")) {
                    String uses = step.path("uses").asText();
                    if (!uses.matches("[\\w.-]+/[\\w.-]+@[0-9a-f]{40}")) {
                        problems.add(uses + " is not pinned to a commit");
                    } else if (!ACTION_INPUTS.containsKey(uses)) {
                        problems.add(uses + ": inputs not known here (add them to ACTION_INPUTS from its action.yml)");
                    } else {
                        step.path("with").fieldNames().forEachRemaining(input -> {
                            if (!ACTION_INPUTS.get(uses).contains(input)) {
                                problems.add(uses + " has no input " + input);
                            }
                        });
                        assertThat(text).as("the tag of %s in a comment", uses).containsPattern(Pattern.quote(uses) + " # v\\d+\\.\\d+\\.\\d+");
                    }
                }
                if (step.has("run")) {
                    runs.add(step.path("run").asText());
                }
                step.fieldNames().forEachRemaining(key -> {
                    if (!Set.of("name", "uses", "with", "run", "env", "id", "if", "shell", "working-directory",
                            "continue-on-error", "timeout-minutes").contains(key)) {
                        problems.add("unknown step key " + key);
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
        int test = indexOf(runs, ".ci/run");
        int publish = indexOf(runs, ".ci/publish-images \"$VERSION\"");
        assertThat(test).as("tests run").isNotNegative();
        assertThat(publish).as("images are published after the tests passed").isGreaterThan(test);
        assertThat(String.join("\n", runs)).contains("GITHUB_REF_NAME#v").contains("project.version");
    }

    @Test
    void thePublishScriptBuildsVersionedReproducibleImagesWithSboms() {
        String script = Repo.read(".ci/publish-images");
        assertThat(Files.isExecutable(Repo.path(".ci/publish-images"))).isTrue();
        assertThat(script).contains("--sbom=true", "--provenance=mode=max", "rewrite-timestamp=true",
                "SOURCE_DATE_EPOCH=\"$(git log -1 --format=%ct)\"", "--build-arg VERSION=\"$VERSION\"",
                "$REGISTRY/$service:$VERSION", "cyclonedx-maven-plugin")
                .doesNotContain(":latest");
        assertThat(script).as("the version must be the Maven project's").contains("[[ \"$PROJECT_VERSION\" == \"$VERSION\" ]]");
        assertThat(pluginsWithoutVersion(script)).isEmpty();
        assertThat(pluginsWithoutVersion(Repo.read(".ci/release"))).isEmpty();
        assertThat(pluginsWithoutVersion(Repo.read(WORKFLOW))).isEmpty();
        for (String module : KustomizeOverlaysTest.SERVICES) {
            assertThat(Repo.read(module + "/Dockerfile")).contains("ARG VERSION=");
        }
    }

    /** Runs the release script's own tag edit on a copy of k8s/ and renders the result. */
    @Test
    void theReleaseScriptRetagsTheProductionImages(@TempDir Path tmp) throws Exception {
        Matcher function = Pattern.compile("(?ms)^set_image_tags\\(\\) \\{.*?^}").matcher(Repo.read(".ci/release"));
        assertThat(function.find()).as(".ci/release defines set_image_tags").isTrue();
        copy(Repo.path("k8s"), tmp.resolve("k8s"));
        Path overlay = tmp.resolve("k8s/overlays/production/kustomization.yaml");
        Process p = new ProcessBuilder("bash", "-c", "set -euo pipefail\nOVERLAY='" + overlay + "'\n" + function.group()
                + "\nset_image_tags 98.76.5").redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        String rendered = Kubectl.get().build(overlay.getParent());
        assertThat(rendered).contains("image: ghcr.io/historyarchive/catalog-service:98.76.5",
                "image: ghcr.io/historyarchive/search-service:98.76.5");
        assertThat(Files.readString(overlay).replace("98.76.5", "X"))
                .isEqualTo(Repo.read("k8s/overlays/production/kustomization.yaml").replaceAll("newTag: \\S+", "newTag: X"));
    }

    /** Maven plugin goals called as groupId:artifactId:goal, without a version (not reproducible). */
    static List<String> pluginsWithoutVersion(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\b([a-z][\\w.]+):([\\w-]+-plugin)(:[^\\s:]+)?:([a-zA-Z-]+)\\b").matcher(text);
        while (m.find()) {
            if (m.group(3) == null) {
                found.add(m.group());
            }
        }
        return found;
    }

    private static int indexOf(List<String> runs, String command) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).contains(command)) {
                return i;
            }
        }
        return -1;
    }

    private static Iterable<JsonNode> iterable(JsonNode object) {
        List<JsonNode> values = new ArrayList<>();
        object.elements().forEachRemaining(values::add);
        return values;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
