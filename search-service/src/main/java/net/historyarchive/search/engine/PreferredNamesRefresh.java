package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.names.NameVariants;
import org.jboss.logging.Logger;
import org.opensearch.client.Request;
import org.opensearch.client.RestClient;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After the name variants changed, gives the documents of the live view whose names now have
 * another preferred form their new {@code peoplePreferred} / {@code placesPreferred}, in place, with
 * no rebuild: searches use the new variants at once (they are applied to the query), filters and
 * facets as soon as this pass is done. Walks the view in a point in time and rewrites only the
 * documents that change, each at the version it has, with {@code external_gte}: a newer event that
 * arrived meanwhile (already written with the new variants) wins, and no version ever moves.
 */
@ApplicationScoped
public class PreferredNamesRefresh {

    /** What a pass did. */
    public record Outcome(long documentsChecked, long documentsUpdated) {
    }

    private static final Logger LOG = Logger.getLogger(PreferredNamesRefresh.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;
    private static final String KEEP_ALIVE = "2m";

    private final RestClient rest;
    private final OpenSearchClient client;
    private final ViewIndexes indexes;

    public PreferredNamesRefresh(OpenSearchClients clients, ViewIndexes indexes) {
        this.rest = clients.rest();
        this.client = clients.typed();
        this.indexes = indexes;
    }

    public Outcome apply(NameVariants names) throws IOException {
        if (indexes.liveIndex().isEmpty()) {
            return new Outcome(0, 0);
        }
        Request open = new Request("POST", "/" + indexes.alias() + "/_search/point_in_time");
        open.addParameter("keep_alive", KEEP_ALIVE);
        String pit = ViewInventory.read(rest.performRequest(open)).path("pit_id").asText();
        long checked = 0;
        long updated = 0;
        try {
            JsonNode after = null;
            while (true) {
                ObjectNode body = JSON.createObjectNode().put("size", PAGE).put("version", true).put("track_total_hits", false);
                body.putObject("pit").put("id", pit).put("keep_alive", KEEP_ALIVE);
                body.putObject("query").putObject("term").put("deleted", false);
                body.putArray("sort").addObject().put("id", "asc");
                body.putArray("_source").add("people").add("places").add("peoplePreferred").add("placesPreferred");
                if (after != null) {
                    body.set("search_after", after);
                }
                Request search = new Request("POST", "/_search");
                search.setJsonEntity(JSON.writeValueAsString(body));
                JsonNode response = ViewInventory.read(rest.performRequest(search));
                pit = response.path("pit_id").asText(pit);
                JsonNode hits = response.path("hits").path("hits");
                Map<String, Long> changed = new LinkedHashMap<>();
                for (JsonNode hit : hits) {
                    checked++;
                    JsonNode source = hit.path("_source");
                    if (!IndexedDocument.preferred(source.path("people"), names).equals(source.path("peoplePreferred"))
                            || !IndexedDocument.preferred(source.path("places"), names).equals(source.path("placesPreferred"))) {
                        changed.put(hit.path("_id").asText(), hit.path("_version").asLong());
                    }
                    after = hit.path("sort");
                }
                updated += rewrite(changed, names);
                if (hits.size() < PAGE) {
                    break;
                }
            }
        } finally {
            ViewInventory.close(rest, pit);
        }
        LOG.infof("Name variants changed: %d of %d documents got new preferred names", updated, checked);
        return new Outcome(checked, updated);
    }

    private long rewrite(Map<String, Long> changed, NameVariants names) throws IOException {
        if (changed.isEmpty()) {
            return 0;
        }
        ObjectNode ids = JSON.createObjectNode();
        ArrayNode list = ids.putArray("ids");
        changed.keySet().forEach(list::add);
        Request get = new Request("POST", "/" + indexes.alias() + "/_mget");
        get.setJsonEntity(JSON.writeValueAsString(ids));
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(indexes.alias());
        List<String> written = new ArrayList<>();
        for (JsonNode doc : ViewInventory.read(rest.performRequest(get)).path("docs")) {
            if (!doc.path("found").asBoolean()) {
                continue;
            }
            ObjectNode source = (ObjectNode) doc.path("_source");
            source.set("peoplePreferred", IndexedDocument.preferred(source.path("people"), names));
            source.set("placesPreferred", IndexedDocument.preferred(source.path("places"), names));
            String id = doc.path("_id").asText();
            // the version read with this source: external_gte rewrites it only if no newer event came since
            long version = doc.path("_version").asLong();
            bulk.operations(op -> op.index(i -> i.id(id).version(version).versionType(VersionType.ExternalGte).document(source)));
            written.add(id);
        }
        if (written.isEmpty()) {
            return 0;
        }
        long ok = 0;
        for (BulkResponseItem item : client.bulk(bulk.build()).items()) {
            if (item.status() >= 200 && item.status() < 300) {
                ok++;
            } else if (item.status() != 409) { // 409: a newer event won, written with the new variants already
                LOG.warnf("Could not give document %s its new preferred names (%d): %s", item.id(), item.status(),
                        item.error() == null ? "" : item.error().reason());
            }
        }
        return ok;
    }
}
