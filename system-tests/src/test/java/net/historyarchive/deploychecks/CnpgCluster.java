package net.historyarchive.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.List;

/**
 * CloudNativePG Cluster (postgresql.cnpg.io/v1) checks. No Java model of this CRD exists on Maven
 * Central, so instead of its full OpenAPI schema, this checks the fields the CRD requires and the
 * type and form of every field the overlays use.
 */
final class CnpgCluster {

    private CnpgCluster() {
    }

    static void check(GenericKubernetesResource cluster) {
        JsonNode spec = Manifests.SERIALIZATION.convertValue(cluster, JsonNode.class).path("spec");
        String id = "Cluster/" + cluster.getMetadata().getName();
        List<String> problems = new ArrayList<>();
        if (!cluster.getApiVersion().equals("postgresql.cnpg.io/v1")) {
            problems.add("apiVersion must be postgresql.cnpg.io/v1");
        }
        if (!spec.path("instances").isInt() || spec.path("instances").asInt() < 1) {
            problems.add("spec.instances (required) must be an integer >= 1");
        } else if (spec.path("instances").asInt() < 3) {
            problems.add("spec.instances: production wants a primary and two standbys (3)");
        }
        if (!spec.path("storage").path("size").isTextual()
                || !spec.path("storage").path("size").asText().matches("\\d+(Ki|Mi|Gi|Ti)")) {
            problems.add("spec.storage.size must be a quantity string such as 50Gi");
        }
        if (!spec.path("imageName").isTextual()
                || !spec.path("imageName").asText().matches("ghcr\\.io/cloudnative-pg/postgresql:17(\\.\\d+)?(-.+)?")) {
            problems.add("spec.imageName must be a PostgreSQL 17 image of ghcr.io/cloudnative-pg/postgresql");
        }
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        if (!initdb.path("database").isTextual() || !initdb.path("owner").isTextual()) {
            problems.add("spec.bootstrap.initdb needs database and owner (strings)");
        }
        JsonNode parameters = spec.path("postgresql").path("parameters");
        if (!parameters.isMissingNode()) {
            parameters.fields().forEachRemaining(p -> {
                if (!p.getValue().isTextual()) {
                    problems.add("spec.postgresql.parameters." + p.getKey() + " must be a string");
                }
            });
        }
        if (spec.has("enablePDB") && !spec.path("enablePDB").isBoolean()) {
            problems.add("spec.enablePDB must be a boolean");
        }
        if (spec.has("primaryUpdateStrategy")
                && !List.of("unsupervised", "supervised").contains(spec.path("primaryUpdateStrategy").asText())) {
            problems.add("spec.primaryUpdateStrategy must be unsupervised or supervised");
        }
        JsonNode affinity = spec.path("affinity");
        if (affinity.has("enablePodAntiAffinity") && !affinity.path("enablePodAntiAffinity").isBoolean()) {
            problems.add("spec.affinity.enablePodAntiAffinity must be a boolean");
        }
        if (spec.has("resources")) {
            try {
                Manifests.SERIALIZATION.convertValue(spec.path("resources"),
                        io.fabric8.kubernetes.api.model.ResourceRequirements.class);
            } catch (IllegalArgumentException e) {
                problems.add("spec.resources is not a Kubernetes ResourceRequirements: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(id + ": " + problems);
        }
    }

    static String database(GenericKubernetesResource cluster) {
        return Manifests.SERIALIZATION.convertValue(cluster, JsonNode.class)
                .path("spec").path("bootstrap").path("initdb").path("database").asText();
    }
}
