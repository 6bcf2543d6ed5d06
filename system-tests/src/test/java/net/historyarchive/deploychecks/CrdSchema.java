package net.historyarchive.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates custom resources against the {@code openAPIV3Schema} of their operator's CRD, vendored in
 * {@code src/test/resources/crds/} (see the README there), as the Kubernetes API server does, and
 * stricter in one way: a field the schema does not declare is an error (the API server would
 * silently drop it, so a misspelt setting would be lost without a word).
 *
 * <p>The OpenAPI v3 subset that CRDs use is turned into JSON Schema draft 4: {@code nullable}
 * becomes a {@code null} type, objects with {@code properties} and without
 * {@code x-kubernetes-preserve-unknown-fields} or {@code additionalProperties} get
 * {@code additionalProperties: false}, and {@code format} (int32, date-time ...) is dropped.
 */
final class CrdSchema {

    /** apiVersion group to the vendored CRD files, by kind. */
    static final Map<String, Map<String, String>> FILES = Map.of(
            "opensearch.opster.io", Map.of(
                    "OpenSearchCluster", "crds/opensearch-operator/opensearch.opster.io_opensearchclusters.yaml",
                    "OpensearchUser", "crds/opensearch-operator/opensearch.opster.io_opensearchusers.yaml",
                    "OpensearchRole", "crds/opensearch-operator/opensearch.opster.io_opensearchroles.yaml",
                    "OpensearchUserRoleBinding", "crds/opensearch-operator/opensearch.opster.io_opensearchuserrolebindings.yaml"),
            "monitoring.coreos.com", Map.of(
                    "ServiceMonitor", "crds/prometheus-operator/monitoring.coreos.com_servicemonitors.yaml",
                    "PodMonitor", "crds/prometheus-operator/monitoring.coreos.com_podmonitors.yaml"));

    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private CrdSchema() {
    }

    static boolean covers(String group) {
        return FILES.containsKey(group);
    }

    /** Every problem the schema finds in this resource (empty when valid). */
    static List<String> problems(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return List.of(apiVersion + " is not a custom resource API version");
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        String file = FILES.getOrDefault(group, Map.of()).get(kind);
        if (file == null) {
            return List.of("no vendored CRD for " + kind + " in " + group);
        }
        JsonSchema schema;
        try {
            schema = CACHE.computeIfAbsent(file + "#" + version, key -> load(file, kind, version));
        } catch (AssertionError e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(resource)) {
            problems.add(m.getMessage());
        }
        return problems.stream().sorted().toList();
    }

    private static JsonSchema load(String file, String kind, String version) {
        JsonNode crd;
        try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new AssertionError("CRD file " + file + " is not on the test class path");
            }
            crd = Repo.YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!crd.path("spec").path("names").path("kind").asText().equals(kind)) {
            throw new AssertionError(file + " is not the CRD of " + kind);
        }
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asText().equals(version)) {
                if (!v.path("served").asBoolean()) {
                    throw new AssertionError(kind + " " + version + " is not served by the CRD in " + file);
                }
                JsonNode openApi = v.path("schema").path("openAPIV3Schema");
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(toJsonSchema(openApi.deepCopy()));
            }
        }
        throw new AssertionError(file + " has no version " + version + " of " + kind);
    }

    /** OpenAPI v3 (CRD subset) to JSON Schema draft 4, strict about undeclared fields. */
    static JsonNode toJsonSchema(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(CrdSchema::toJsonSchema);
            return node;
        }
        if (!(node instanceof ObjectNode schema)) {
            return node;
        }
        // Children first ("properties" maps names to schemas; other keywords hold schemas directly).
        JsonNode properties = schema.get("properties");
        if (properties instanceof ObjectNode props) {
            props.fields().forEachRemaining(f -> toJsonSchema(f.getValue()));
        }
        for (String keyword : List.of("items", "additionalProperties", "allOf", "anyOf", "oneOf", "not")) {
            JsonNode child = schema.get(keyword);
            if (child != null && (child.isObject() || child.isArray())) {
                toJsonSchema(child);
            }
        }
        schema.remove("format");
        if (schema.path("nullable").asBoolean() && schema.path("type").isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(schema.get("type").asText()).add("null");
            schema.set("type", types);
        }
        schema.remove("nullable");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        if (properties != null && !preserve && !schema.has("additionalProperties")) {
            schema.put("additionalProperties", false);
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("x-kubernetes-")) {
                names.remove();
            }
        }
        return schema;
    }
}
