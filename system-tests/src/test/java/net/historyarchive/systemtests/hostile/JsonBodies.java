package net.historyarchive.systemtests.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSON request bodies derived from an operation's example and schema, with one place replaced by
 * exact bytes. A body is the example serialized with a marker where the mutation goes; the marker
 * is then swapped for the hostile bytes, so escaped surrogates, raw invalid UTF-8 and absurd
 * nesting reach the service exactly as generated.
 */
final class JsonBodies {

    private static final String MARKER = "__hostile_value_7f3a__";
    private static final String KEY_MARKER = "__hostile_key_7f3a__";

    /**
     * A place in the body: a property of an object (present in the example or only in the schema)
     * or the first element of an array.
     *
     * @param path     property names and array indexes from the root
     * @param schema   the place's schema ($ref resolved; missing when the document gives none)
     * @param required the schema requires the property
     * @param present  the example has a value there
     */
    record Slot(List<Object> path, JsonNode schema, boolean required, boolean present) {

        String pointer() {
            StringBuilder s = new StringBuilder();
            for (Object part : path) {
                s.append(part instanceof Integer ? "[" + part + "]" : "." + part);
            }
            return s.isEmpty() ? "(root)" : s.substring(s.charAt(0) == '.' ? 1 : 0);
        }

        /** The JSON type the schema asks for ("string", "integer", "array", ...), or null when it says none. */
        String type() {
            JsonNode type = schema.path("type");
            if (type.isTextual()) {
                return type.asText();
            }
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            if (schema.has("enum")) {
                return "string";
            }
            if (schema.has("properties")) {
                return "object";
            }
            return null;
        }

        boolean nullable() {
            for (JsonNode t : schema.path("type")) {
                if (t.asText().equals("null")) {
                    return true;
                }
            }
            return false;
        }
    }

    private final OpenApi api;
    private final JsonNode example;
    private final JsonNode schema;

    JsonBodies(OpenApi api, JsonNode example, JsonNode schema) {
        this.api = api;
        this.example = example.isMissingNode() ? OpenApi.JSON.createObjectNode() : example;
        this.schema = api.resolve(schema);
    }

    byte[] example() {
        return bytes(example);
    }

    /** Every place worth mutating: each property of each object (schema and example alike) and each array's first element. */
    List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        collect(new ArrayList<>(), schema, example, slots);
        return slots;
    }

    /** The objects of the body (the root included), where an extra property can go. */
    List<Slot> objects() {
        List<Slot> objects = new ArrayList<>();
        objects.add(new Slot(List.of(), schema, true, true));
        for (Slot slot : slots()) {
            if (slot.present() && at(slot.path()).isObject()) {
                objects.add(slot);
            }
        }
        return objects;
    }

    private void collect(List<Object> path, JsonNode schemaNode, JsonNode value, List<Slot> out) {
        JsonNode s = api.resolve(schemaNode);
        if (value.isObject() || s.has("properties")) {
            Set<String> names = new LinkedHashSet<>();
            s.path("properties").fieldNames().forEachRemaining(names::add);
            value.fieldNames().forEachRemaining(names::add);
            Set<String> required = new LinkedHashSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            for (String name : names) {
                List<Object> child = new ArrayList<>(path);
                child.add(name);
                JsonNode childSchema = api.resolve(s.path("properties").path(name));
                JsonNode childValue = value.path(name);
                out.add(new Slot(child, childSchema, required.contains(name), !childValue.isMissingNode()));
                if (!childValue.isMissingNode()) {
                    collect(child, childSchema, childValue, out);
                }
            }
        } else if (value.isArray() && !value.isEmpty()) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            JsonNode items = api.resolve(s.path("items"));
            out.add(new Slot(child, items, false, true));
            collect(child, items, value.get(0), out);
        }
    }

    /** The example with the value at {@code slot} replaced by {@code literal}, a complete JSON value as bytes. */
    byte[] replaced(Slot slot, byte[] literal) {
        JsonNode copy = example.deepCopy();
        set(copy, slot.path(), OpenApi.JSON.getNodeFactory().textNode(MARKER));
        return swap(bytes(copy), "\"" + MARKER + "\"", literal);
    }

    /** The example without the property at {@code slot}. */
    byte[] removed(Slot slot) {
        JsonNode copy = example.deepCopy();
        JsonNode parent = at(copy, slot.path().subList(0, slot.path().size() - 1));
        Object last = slot.path().get(slot.path().size() - 1);
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else if (parent instanceof ArrayNode array) {
            array.remove((Integer) last);
        }
        return bytes(copy);
    }

    /** The example with an extra property {@code keyInside} (bytes between the key's quotes) in the object at {@code slot}. */
    byte[] withExtraProperty(Slot object, byte[] keyInside, byte[] valueLiteral) {
        JsonNode copy = example.deepCopy();
        JsonNode target = object.path().isEmpty() ? copy : at(copy, object.path());
        ((ObjectNode) target).put(KEY_MARKER, MARKER);
        byte[] withKey = swap(bytes(copy), "\"" + KEY_MARKER + "\"", Junk.concat(quote(keyInside)));
        return swap(withKey, "\"" + MARKER + "\"", valueLiteral);
    }

    /** The example with one property written twice, the second time with {@code literal}. */
    byte[] withDuplicateProperty(Slot slot, byte[] literal) {
        String name = (String) slot.path().get(slot.path().size() - 1);
        Slot parent = new Slot(slot.path().subList(0, slot.path().size() - 1), schema, true, true);
        return withExtraProperty(parent, name.getBytes(StandardCharsets.UTF_8), literal);
    }

    static byte[] quote(byte[] inside) {
        return Junk.concat(new byte[]{'"'}, inside, new byte[]{'"'});
    }

    static byte[] deepArray(int depth) {
        return Junk.concat("[".repeat(depth).getBytes(StandardCharsets.US_ASCII), "]".repeat(depth).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] deepObject(int depth) {
        return Junk.concat("{\"a\":".repeat(depth).getBytes(StandardCharsets.US_ASCII), "1".getBytes(StandardCharsets.US_ASCII),
                "}".repeat(depth).getBytes(StandardCharsets.US_ASCII));
    }

    JsonNode at(List<Object> path) {
        return at(example, path);
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object part : path) {
            node = part instanceof Integer i ? node.path(i) : node.path((String) part);
        }
        return node;
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        } else {
            throw new IllegalStateException("no container at " + path);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return OpenApi.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] swap(byte[] json, String marker, byte[] replacement) {
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("marker missing in " + text);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(replacement);
        out.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** True when the schema limits the text to non-blank values (pattern \S). */
    static boolean needsNonBlank(JsonNode schema) {
        return schema.path("pattern").asText("").equals("\\S") || schema.path("minLength").asInt(0) > 0;
    }

    private static final Pattern UUID = Pattern.compile("[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}");

    /** Whether a text value breaks a string schema's enum, format, pattern or length (invalid text aside). */
    static boolean breaksStringSchema(JsonNode schema, Junk.Text text) {
        String value = new String(text.decoded(), StandardCharsets.UTF_8);
        if (schema.has("enum")) {
            for (Iterator<JsonNode> it = schema.path("enum").elements(); it.hasNext(); ) {
                if (it.next().asText().equals(value)) {
                    return false;
                }
            }
            return true;
        }
        String format = schema.path("format").asText("");
        if (format.equals("uuid") && !UUID.matcher(value).matches()) {
            return true;
        }
        if (format.equals("date")) {
            return true; // none of the junk texts is a date
        }
        if (needsNonBlank(schema) && value.isBlank()) {
            return true;
        }
        return schema.has("maxLength") && text.length() > schema.path("maxLength").asInt();
    }
}
