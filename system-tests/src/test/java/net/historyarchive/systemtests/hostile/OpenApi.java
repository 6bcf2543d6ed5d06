package net.historyarchive.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The operations of a running service, read from its OpenAPI document ({@code /q/openapi}). */
final class OpenApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** A parameter with its schema ($refs resolved at the top level). */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** A request body: media type, schema and an example value when the document gives one. */
    record Body(String mediaType, JsonNode schema, JsonNode example) {
    }

    record Operation(HostileRequest.Service service, String method, String path, List<Parameter> parameters, Body body,
                     boolean secured) {

        List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        String id() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    private final HostileRequest.Service service;

    private OpenApi(JsonNode document, HostileRequest.Service service) {
        this.document = document;
        this.service = service;
    }

    static OpenApi fetch(URI base, HostileRequest.Service service) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(base + "/q/openapi answered " + response.statusCode());
        }
        return new OpenApi(JSON.readTree(response.body()), service);
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode node = op.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : node.path("parameters")) {
                    JsonNode param = resolve(p);
                    parameters.add(new Parameter(param.path("name").asText(), param.path("in").asText(),
                            param.path("required").asBoolean(false), resolve(param.path("schema"))));
                }
                Body body = null;
                for (Iterator<Map.Entry<String, JsonNode>> content = resolve(node.path("requestBody")).path("content").fields(); content.hasNext(); ) {
                    Map.Entry<String, JsonNode> media = content.next();
                    JsonNode example = MissingNode.getInstance();
                    for (JsonNode named : media.getValue().path("examples")) {
                        example = named.path("value");
                        break;
                    }
                    if (example.isMissingNode()) {
                        example = media.getValue().path("example");
                    }
                    body = new Body(media.getKey(), resolve(media.getValue().path("schema")), example);
                    break;
                }
                boolean secured = node.path("security").size() > 0;
                operations.add(new Operation(service, op.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters, body, secured));
            }
        }
        return operations;
    }

    /** Follows a local {@code $ref} (one level at a time, as often as needed). */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 20 && current.has("$ref"); depth++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local $refs are supported: " + ref);
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }
}
