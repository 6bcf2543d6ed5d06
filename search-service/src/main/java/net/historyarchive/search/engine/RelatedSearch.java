package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.result.RelatedDocument;
import org.apache.http.util.EntityUtils;
import org.opensearch.client.Request;
import org.opensearch.client.RestClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The documents related to one: first its explicit links both ways (the ones it names in
 * {@code related} and the ones that name it), then the documents that name the same people or
 * places (closer in date first: a Gaussian decay of a year around its date) and those whose text is
 * most alike (OpenSearch's more_like_this on title, summary and body), merged by reciprocal rank so
 * a document alike in both ways comes first. Each comes with every reason that applies.
 */
@ApplicationScoped
public class RelatedSearch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SOURCE = List.of("title", "date", "peoplePreferred", "placesPreferred", "deleted");
    /** The constant of reciprocal rank fusion: damps the difference between the first few ranks. */
    private static final int RRF_K = 10;

    private final RestClient rest;
    private final ViewIndexes indexes;

    public RelatedSearch(OpenSearchClients clients, ViewIndexes indexes) {
        this.rest = clients.rest();
        this.indexes = indexes;
    }

    /** Empty when the document is not in the view. */
    public Optional<List<RelatedDocument>> of(UUID id, int size) throws IOException {
        JsonNode doc = get(id);
        if (doc == null) {
            return Optional.empty();
        }
        String self = id.toString();
        Set<String> people = strings(doc.path("peoplePreferred"));
        Set<String> places = strings(doc.path("placesPreferred"));
        Map<String, Builder> found = new LinkedHashMap<>();

        Set<String> outgoing = strings(doc.at("/snapshot/related"));
        outgoing.remove(self);
        for (JsonNode hit : mget(outgoing)) {
            found.computeIfAbsent(hit.path("_id").asText(), k -> new Builder(hit)).reason("linked", "Linked from this document");
        }
        ObjectNode incoming = JSON.createObjectNode();
        incoming.putObject("term").put("relatedIds", self);
        for (JsonNode hit : search(wrap(incoming, self), size)) {
            found.computeIfAbsent(hit.path("_id").asText(), k -> new Builder(hit)).reason("linked", "Links to this document");
        }

        Map<String, Double> fused = new LinkedHashMap<>();
        Map<String, JsonNode> hits = new LinkedHashMap<>();
        if (!people.isEmpty() || !places.isEmpty()) {
            List<JsonNode> sameNames = search(sameNames(self, people, places, doc.path("dateStart").asText(null)), size * 2);
            fuse(sameNames, fused, hits);
        }
        List<JsonNode> alike = search(similarText(self), size * 2);
        fuse(alike, fused, hits);
        fused.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e ->
                found.computeIfAbsent(e.getKey(), k -> new Builder(hits.get(k))));
        Set<String> similar = new LinkedHashSet<>();
        alike.forEach(h -> similar.add(h.path("_id").asText()));

        List<RelatedDocument> related = new ArrayList<>();
        for (Builder b : found.values()) {
            if (related.size() == size) {
                break;
            }
            Set<String> sharedPeople = strings(b.hit.path("_source").path("peoplePreferred"));
            sharedPeople.retainAll(people);
            Set<String> sharedPlaces = strings(b.hit.path("_source").path("placesPreferred"));
            sharedPlaces.retainAll(places);
            if (!sharedPeople.isEmpty()) {
                b.reason("same-people", "Also names " + String.join(", ", sharedPeople));
            }
            if (!sharedPlaces.isEmpty()) {
                b.reason("same-places", "Also about " + String.join(", ", sharedPlaces));
            }
            if (similar.contains(b.id)) {
                b.reason("similar-text", "Similar text");
            }
            if (!b.reasons.isEmpty()) {
                related.add(b.build(List.copyOf(sharedPeople), List.copyOf(sharedPlaces)));
            }
        }
        return Optional.of(related);
    }

    private static void fuse(List<JsonNode> ranked, Map<String, Double> fused, Map<String, JsonNode> hits) {
        for (int rank = 0; rank < ranked.size(); rank++) {
            String id = ranked.get(rank).path("_id").asText();
            fused.merge(id, 1.0 / (RRF_K + rank + 1), Double::sum);
            hits.putIfAbsent(id, ranked.get(rank));
        }
    }

    private ObjectNode sameNames(String self, Set<String> people, Set<String> places, String date) {
        ObjectNode bool = JSON.createObjectNode();
        ArrayNode should = bool.putArray("should");
        if (!people.isEmpty()) {
            ObjectNode terms = should.addObject().putObject("terms");
            people.forEach(terms.putArray("peoplePreferred")::add);
            terms.put("boost", 2.0);
        }
        if (!places.isEmpty()) {
            places.forEach(should.addObject().putObject("terms").putArray("placesPreferred")::add);
        }
        bool.put("minimum_should_match", 1);
        ObjectNode query = JSON.createObjectNode();
        query.set("bool", bool);
        if (date == null) {
            return wrap(query, self);
        }
        ObjectNode scored = JSON.createObjectNode();
        ObjectNode functionScore = scored.putObject("function_score");
        functionScore.set("query", query);
        ArrayNode functions = functionScore.putArray("functions");
        ObjectNode near = functions.addObject();
        near.putObject("filter").putObject("exists").put("field", "dateStart");
        near.putObject("gauss").putObject("dateStart").put("origin", date).put("scale", "365d").put("decay", 0.5);
        // an undated document may be close or not: it counts as about two years away, not as the same day
        functions.addObject().put("weight", 0.1);
        functionScore.put("score_mode", "first").put("boost_mode", "multiply");
        return wrap(scored, self);
    }

    private ObjectNode similarText(String self) throws IOException {
        ObjectNode query = JSON.createObjectNode();
        ObjectNode mlt = query.putObject("more_like_this");
        mlt.putArray("fields").add("title").add("summary").add("body");
        mlt.putArray("like").addObject().put("_index", indexes.liveIndex().orElse(indexes.alias())).put("_id", self);
        // an archive's collections are small and specialised: a word in two documents already says something
        mlt.put("min_term_freq", 1).put("min_doc_freq", 2).put("max_query_terms", 25).put("minimum_should_match", "30%");
        return wrap(query, self);
    }

    /** Only live documents other than the one itself. */
    private static ObjectNode wrap(ObjectNode query, String self) {
        ObjectNode bool = JSON.createObjectNode();
        ObjectNode inner = bool.putObject("bool");
        inner.putArray("must").add(query);
        inner.putArray("filter").addObject().putObject("term").put("deleted", false);
        inner.putArray("must_not").addObject().putObject("ids").putArray("values").add(self);
        return bool;
    }

    private JsonNode get(UUID id) throws IOException {
        Request get = new Request("GET", "/" + indexes.alias() + "/_doc/" + id);
        get.addParameter("realtime", "false");
        get.addParameter("_source_includes", "peoplePreferred,placesPreferred,dateStart,snapshot.related,deleted");
        try {
            JsonNode found = read(rest.performRequest(get));
            return found.path("found").asBoolean() && !found.at("/_source/deleted").asBoolean(false) ? found.path("_source") : null;
        } catch (org.opensearch.client.ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private List<JsonNode> mget(Set<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        ObjectNode body = JSON.createObjectNode();
        ids.forEach(body.putArray("ids")::add);
        Request get = new Request("POST", "/" + indexes.alias() + "/_mget");
        get.addParameter("_source_includes", String.join(",", SOURCE));
        get.addParameter("realtime", "false");
        get.setJsonEntity(JSON.writeValueAsString(body));
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode doc : read(rest.performRequest(get)).path("docs")) {
            if (doc.path("found").asBoolean() && !doc.at("/_source/deleted").asBoolean(false)) {
                found.add(doc);
            }
        }
        return found;
    }

    private List<JsonNode> search(ObjectNode query, int size) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("size", size);
        body.set("query", query);
        SOURCE.forEach(body.putArray("_source")::add);
        Request search = new Request("POST", "/" + indexes.alias() + "/_search");
        search.setJsonEntity(JSON.writeValueAsString(body));
        List<JsonNode> hits = new ArrayList<>();
        read(rest.performRequest(search)).path("hits").path("hits").forEach(hits::add);
        return hits;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode read(org.opensearch.client.Response response) throws IOException {
        return JSON.readTree(EntityUtils.toString(response.getEntity()));
    }

    private static final class Builder {
        final String id;
        final JsonNode hit;
        final List<String> reasons = new ArrayList<>();
        final List<String> because = new ArrayList<>();

        Builder(JsonNode hit) {
            this.hit = hit;
            this.id = hit.path("_id").asText();
        }

        Builder reason(String reason, String words) {
            if (!reasons.contains(reason)) {
                reasons.add(reason);
            }
            because.add(words);
            return this;
        }

        RelatedDocument build(List<String> people, List<String> places) {
            JsonNode source = hit.path("_source");
            return new RelatedDocument(id, source.path("title").asText(), source.at("/date/display").asText(null),
                    reasons, because, people, places);
        }
    }
}
