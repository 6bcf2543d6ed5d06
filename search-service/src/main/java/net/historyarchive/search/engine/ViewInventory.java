package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.view.ViewEntry;
import org.apache.http.util.EntityUtils;
import org.jboss.logging.Logger;
import org.opensearch.client.Request;
import org.opensearch.client.RestClient;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Lists every document of the live view (id, version, deleted) for the consistency check: pages
 * sorted by id with search_after inside one point in time, so the listing is a consistent
 * snapshot of the index even while the consumer keeps writing, and never skips or repeats a
 * document. The version is the engine's own (the external version every write carried).
 */
@ApplicationScoped
public class ViewInventory {

    private static final Logger LOG = Logger.getLogger(ViewInventory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 5000;
    private static final String KEEP_ALIVE = "2m";

    private final RestClient rest;
    private final ViewIndexes indexes;

    public ViewInventory(OpenSearchClients clients, ViewIndexes indexes) {
        this.rest = clients.rest();
        this.indexes = indexes;
    }

    /** Calls {@code each} for every document and tombstone of the live view, in id order. */
    public void forEach(Consumer<ViewEntry> each) throws IOException {
        Request open = new Request("POST", "/" + indexes.alias() + "/_search/point_in_time");
        open.addParameter("keep_alive", KEEP_ALIVE);
        String pit = read(rest.performRequest(open)).path("pit_id").asText();
        try {
            String after = null;
            while (true) {
                ObjectNode body = JSON.createObjectNode().put("size", PAGE).put("version", true).put("track_total_hits", false);
                body.putObject("pit").put("id", pit).put("keep_alive", KEEP_ALIVE);
                body.putArray("sort").addObject().put("id", "asc");
                body.putArray("_source").add("deleted");
                if (after != null) {
                    body.putArray("search_after").add(after);
                }
                Request search = new Request("POST", "/_search");
                search.setJsonEntity(JSON.writeValueAsString(body));
                JsonNode response = read(rest.performRequest(search));
                pit = response.path("pit_id").asText(pit); // the engine may hand out a new id per page
                JsonNode hits = response.path("hits").path("hits");
                for (JsonNode hit : hits) {
                    each.accept(new ViewEntry(UUID.fromString(hit.path("_id").asText()), hit.path("_version").asLong(),
                            hit.path("_source").path("deleted").asBoolean(false)));
                    after = hit.path("sort").path(0).asText();
                }
                if (hits.size() < PAGE) {
                    return;
                }
            }
        } finally {
            close(rest, pit);
        }
    }

    /** Closes a point in time now rather than at its keep-alive's end; shared with the other walks of the view. */
    static void close(RestClient rest, String pit) {
        try {
            Request delete = new Request("DELETE", "/_search/point_in_time");
            delete.setJsonEntity(JSON.writeValueAsString(JSON.createObjectNode().set("pit_id", JSON.createArrayNode().add(pit))));
            rest.performRequest(delete);
        } catch (IOException e) { // it expires by itself after KEEP_ALIVE
            LOG.debugf(e, "Could not close point in time");
        }
    }

    static JsonNode read(org.opensearch.client.Response response) throws IOException {
        return JSON.readTree(EntityUtils.toString(response.getEntity()));
    }
}
