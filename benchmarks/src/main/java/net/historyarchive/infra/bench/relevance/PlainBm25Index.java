package net.historyarchive.infra.bench.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.historyarchive.infra.bench.suite.Http;
import net.historyarchive.infra.bench.suite.OpenSearchNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * The untuned baseline of the relevance benchmark: an OpenSearch index with default mappings (the
 * standard analyzer, no stemming, no stop words, no folding, default BM25) holding the same
 * documents as search-service's view, queried with a plain multi_match over title, summary,
 * people, places, subjects and body texts (best fields, any word). Lives on the benchmark stack's
 * node beside the view, under its own name.
 */
final class PlainBm25Index {

    static final List<String> FIELDS = List.of("title", "summary", "people", "places", "subjects", "body");
    private static final int BULK = 2_000;

    private final OpenSearchNode node;
    private final String name;

    PlainBm25Index(OpenSearchNode node, String name) {
        this.node = node;
        this.name = name;
    }

    /** Documents in the index, or -1 when it does not exist. */
    long documents() throws IOException, InterruptedException {
        HttpResponse<String> r = node.sendRaw("GET", "/" + name + "/_count", null, null);
        return r.statusCode() == 404 ? -1 : Http.JSON.readTree(r.body()).path("count").asLong();
    }

    /**
     * Creates the index anew and loads the documents, given as catalog import lines with the id
     * the catalog gave each; searchable when this returns.
     */
    void load(Iterator<String> importLines, Iterator<UUID> ids) throws IOException, InterruptedException {
        node.sendRaw("DELETE", "/" + name, null, null);
        ObjectNode create = Http.JSON.createObjectNode();
        create.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0);
        node.send("PUT", "/" + name, create);
        StringBuilder bulk = new StringBuilder();
        int inBulk = 0;
        while (importLines.hasNext()) {
            JsonNode record = Http.JSON.readTree(importLines.next());
            bulk.append("{\"index\":{\"_id\":\"").append(ids.next()).append("\"}}\n");
            bulk.append(Http.JSON.writeValueAsString(document(record))).append('\n');
            if (++inBulk == BULK) {
                send(bulk);
                bulk.setLength(0);
                inBulk = 0;
            }
        }
        if (inBulk > 0) {
            send(bulk);
        }
        node.send("POST", "/" + name + "/_refresh", null);
    }

    private static ObjectNode document(JsonNode record) {
        ObjectNode doc = Http.JSON.createObjectNode();
        doc.put("title", record.path("title").asText());
        if (record.path("summary").isTextual()) {
            doc.put("summary", record.get("summary").asText());
        }
        for (String list : List.of("people", "places", "subjects")) {
            var values = doc.putArray(list);
            record.path(list).forEach(values::add);
        }
        var bodies = doc.putArray("body");
        record.path("texts").forEach(t -> bodies.add(t.path("body").asText("")));
        return doc;
    }

    private void send(StringBuilder bulk) throws IOException, InterruptedException {
        HttpResponse<String> r = node.sendRaw("POST", "/" + name + "/_bulk", bulk.toString(), "application/x-ndjson");
        JsonNode answer = Http.JSON.readTree(r.body());
        if (r.statusCode() != 200 || answer.path("errors").asBoolean()) {
            throw new IOException("bulk load of " + name + " failed: HTTP " + r.statusCode() + " " + Http.abbreviate(r.body()));
        }
    }

    /** The ten best documents for {@code query}: their ids, or their values of {@code field} when not null. */
    List<String> top10(String query, String field) throws IOException, InterruptedException {
        ObjectNode body = Http.JSON.createObjectNode().put("size", 10);
        if (field == null) {
            body.put("_source", false);
        } else {
            body.putArray("_source").add(field);
        }
        ObjectNode match = body.putObject("query").putObject("multi_match").put("query", query);
        FIELDS.forEach(match.putArray("fields")::add);
        List<String> ranked = new ArrayList<>();
        node.send("POST", "/" + name + "/_search", body).path("hits").path("hits")
                .forEach(h -> ranked.add(field == null ? h.path("_id").asText() : h.path("_source").path(field).asText()));
        return ranked;
    }
}
