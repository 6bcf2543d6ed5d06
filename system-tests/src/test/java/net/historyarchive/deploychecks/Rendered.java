package net.historyarchive.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** One kustomization rendered by the real kustomize and parsed strictly (see {@link Manifests}). */
final class Rendered {

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    final String name;
    final List<JsonNode> documents;
    final List<HasMetadata> resources;

    private Rendered(String name, List<JsonNode> documents, List<HasMetadata> resources) {
        this.name = name;
        this.documents = documents;
        this.resources = resources;
    }

    /** {@code base} or an overlay name under k8s/overlays. */
    static Rendered of(String name) {
        return CACHE.computeIfAbsent(name, Rendered::render);
    }

    static List<String> overlayNames() {
        try (Stream<Path> dirs = Files.list(Repo.path("k8s/overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path dir(String name) {
        return name.equals("base") ? Repo.path("k8s/base") : Repo.path("k8s/overlays/" + name);
    }

    private static Rendered render(String name) {
        String yaml = Kubectl.get().build(dir(name));
        List<JsonNode> docs = Manifests.documents(yaml);
        List<HasMetadata> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            try {
                resources.add(Manifests.parse(doc));
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("k8s/" + (name.equals("base") ? "base" : "overlays/" + name)
                    + " renders resources that do not parse strictly:\n  " + String.join("\n  ", problems));
        }
        return new Rendered(name, docs, resources);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(this.name + ": no "
                + type.getSimpleName() + " named " + name + " in the rendered output"));
    }

    List<GenericKubernetesResource> generic(String apiGroup, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getApiVersion().startsWith(apiGroup + "/") && r.getKind().equals(kind)).toList();
    }

    /** A generated ConfigMap by the name it has in the kustomization (before the hash suffix). */
    ConfigMap configMap(String generatorName) {
        return configMapNamed(generatorName).orElseThrow(() -> new AssertionError(name
                + ": no ConfigMap generated as " + generatorName));
    }

    Optional<ConfigMap> configMapNamed(String nameOrGeneratorName) {
        return all(ConfigMap.class).stream().filter(c -> matchesGenerated(c, nameOrGeneratorName)).findFirst();
    }

    Optional<Secret> secretNamed(String nameOrGeneratorName) {
        return all(Secret.class).stream().filter(s -> matchesGenerated(s, nameOrGeneratorName)).findFirst();
    }

    /** Exact name, or the generator's name plus kustomize's "-" + 10-character hash suffix. */
    static boolean matchesGenerated(HasMetadata r, String name) {
        String actual = r.getMetadata().getName();
        return actual.equals(name) || actual.matches(java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}");
    }

    /** Pod templates of all workloads, keyed "Kind/name". */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> templates.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> templates.put("StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate()));
        all(Job.class).forEach(j -> templates.put("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate()));
        return templates;
    }

    Container container(String deployment) {
        Deployment d = get(Deployment.class, deployment);
        return d.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(deployment)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": Deployment " + deployment + " has no container " + deployment));
    }

    /** The effective environment of a container: envFrom ConfigMaps/Secrets, then env (literal values or "<ref>"). */
    Map<String, String> environment(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (var from : container.getEnvFrom()) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                configMapNamed(from.getConfigMapRef().getName()).ifPresent(cm -> cm.getData()
                        .forEach((k, v) -> env.put(prefix + k, v)));
            }
            if (from.getSecretRef() != null) {
                secretNamed(from.getSecretRef().getName()).ifPresent(s -> {
                    if (s.getData() != null) {
                        s.getData().keySet().forEach(k -> env.put(prefix + k, "<secret>"));
                    }
                    if (s.getStringData() != null) {
                        s.getStringData().keySet().forEach(k -> env.put(prefix + k, "<secret>"));
                    }
                });
            }
        }
        for (var var : container.getEnv()) {
            env.put(var.getName(), var.getValueFrom() == null ? var.getValue() : "<ref>");
        }
        return env;
    }
}
