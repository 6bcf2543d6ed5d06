package net.historyarchive.deploychecks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses rendered manifests into typed models, strictly: a field of the wrong type or a field the
 * model does not know fails, instead of being kept aside as fabric8 and Strimzi do by default.
 *
 * <ul>
 *   <li>Kubernetes built-in kinds: fabric8's model classes (kubernetes-client-api 7.5.2).</li>
 *   <li>Strimzi Kafka, KafkaNodePool, KafkaTopic: Strimzi's own model classes (io.strimzi:api).</li>
 *   <li>CloudNativePG Cluster: no Java model exists, so it stays a GenericKubernetesResource and
 *       the tests check its required fields and their types explicitly.</li>
 *   <li>OpenSearch operator (opensearch.opster.io) and Prometheus operator (monitoring.coreos.com)
 *       resources: GenericKubernetesResources validated against their CRDs' schemas ({@link CrdSchema}).</li>
 * </ul>
 * Strictness: Jackson's scalar coercion is off ("8080" is not an int, "true" is not a boolean), and
 * after binding, every model object's {@code additionalProperties} (where both libraries put
 * fields they do not know, or values they could not bind) must be empty.
 */
final class Manifests {

    static final Set<String> GENERIC_GROUPS = Set.of("postgresql.cnpg.io", "opensearch.opster.io", "monitoring.coreos.com");

    static final KubernetesSerialization SERIALIZATION = strictSerialization();

    private Manifests() {
    }

    private static KubernetesSerialization strictSerialization() {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .build();
        KubernetesSerialization serialization = new KubernetesSerialization(mapper, true);
        // fabric8 registers a lenient Integer deserializer (GoCompatibilityModule: "2" becomes 2); a
        // module registered later takes precedence, so this puts the strict one back.
        mapper.registerModule(new SimpleModule("deploy-checks-strict-integers")
                .addDeserializer(Integer.class, new StrictIntegerDeserializer()));
        // No number or boolean silently becomes a string either (labels, ConfigMap data, names...).
        for (CoercionInputShape shape : new CoercionInputShape[] {
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        serialization.registerKubernetesResource(Kafka.class);
        serialization.registerKubernetesResource(KafkaNodePool.class);
        serialization.registerKubernetesResource(KafkaTopic.class);
        // Strimzi 0.49 serves v1 next to v1beta2; the model classes are the same.
        serialization.registerKubernetesResource("kafka.strimzi.io/v1", "Kafka", Kafka.class);
        serialization.registerKubernetesResource("kafka.strimzi.io/v1", "KafkaNodePool", KafkaNodePool.class);
        serialization.registerKubernetesResource("kafka.strimzi.io/v1", "KafkaTopic", KafkaTopic.class);
        return serialization;
    }

    /** Integers only from JSON integers (not from strings, floats or booleans). */
    private static final class StrictIntegerDeserializer extends StdScalarDeserializer<Integer> {
        StrictIntegerDeserializer() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
        }
    }

    /** The documents of a multi-document YAML stream, without empty ones. */
    static List<JsonNode> documents(String yaml) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            for (JsonNode doc : Repo.YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("Rendered output is not valid YAML", e);
        }
    }

    /** One resource, typed; throws AssertionError naming the resource and every problem found. */
    static HasMetadata parse(JsonNode doc) {
        String apiVersion = doc.path("apiVersion").asText("");
        String kind = doc.path("kind").asText("");
        String name = doc.path("metadata").path("name").asText("");
        String id = kind + "/" + name + " (" + apiVersion + ")";
        if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
            throw new AssertionError("Resource without apiVersion, kind or metadata.name: " + doc);
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null && !GENERIC_GROUPS.contains(group)) {
            throw new AssertionError(id + ": no typed model for this apiVersion and kind"
                    + " (a misspelt kind or an API version Kubernetes does not serve?)");
        }
        if (type == null && CrdSchema.covers(group)) {
            List<String> problems = CrdSchema.problems(doc);
            if (!problems.isEmpty()) {
                throw new AssertionError(id + ": does not match its CRD's schema: " + problems);
            }
        }
        Object parsed;
        try {
            Class<? extends KubernetesResource> target = type == null ? GenericKubernetesResource.class : type;
            parsed = SERIALIZATION.convertValue(doc, target);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(id + ": does not bind to its model: " + rootMessage(e), e);
        }
        if (!(parsed instanceof HasMetadata resource)) {
            throw new AssertionError(id + ": parsed into " + parsed.getClass().getName() + ", not a resource");
        }
        if (type != null && resource instanceof GenericKubernetesResource) {
            throw new AssertionError(id + ": parsed only as a generic resource");
        }
        if (type != null) {
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(resource, "", unknown, new IdentityHashMap<>());
            if (!unknown.isEmpty()) {
                throw new AssertionError(id + ": fields the model does not know or could not bind: " + unknown);
            }
        }
        return resource;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Walks the model objects; reports every non-empty additionalProperties map with its path. */
    private static void collectUnknownFields(Object value, String path, List<String> out, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "[" + k + "]", out, seen));
            return;
        }
        String className = value.getClass().getName();
        if (!(className.startsWith("io.fabric8.") || className.startsWith("io.strimzi.")) || value.getClass().isEnum()) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String methodName = method.getName();
            boolean getter = methodName.startsWith("get") && methodName.length() > 3;
            if (!getter || method.getReturnType().isPrimitive() || method.getReturnType() == String.class) {
                continue;
            }
            Object child;
            try {
                child = method.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                continue; // a computed accessor, not a field
            }
            if (methodName.equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add((path.isEmpty() ? "" : path + ".") + extra.keySet());
                }
                continue;
            }
            String property = Character.toLowerCase(methodName.charAt(3)) + methodName.substring(4);
            collectUnknownFields(child, path.isEmpty() ? property : path + "." + property, out, seen);
        }
    }
}
