package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.http.util.EntityUtils;
import org.jboss.logging.Logger;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The view's generations: one index each, named {@code <prefix>-g<millis>}, with the alias
 * {@code <prefix>} on the one that serves. Searches and the consumer address the alias; a rebuild
 * loads a new generation, then moves the alias to it in one atomic request.
 */
@ApplicationScoped
public class ViewIndexes {

    private static final Logger LOG = Logger.getLogger(ViewIndexes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient rest;
    private final OpenSearchConfig config;
    private final SpellingMemory spellingMemory;

    public ViewIndexes(OpenSearchClients clients, OpenSearchConfig config, SpellingMemory spellingMemory) {
        this.rest = clients.rest();
        this.config = config;
        this.spellingMemory = spellingMemory;
    }

    /** The alias every search and every live write goes through. */
    public String alias() {
        return config.indexPrefix();
    }

    /**
     * Makes sure the alias exists. The first generation is created together with its alias in one
     * request, under a fixed name, so replicas starting at once cannot create two.
     */
    public void ensureLive() throws IOException {
        Optional<String> live = liveIndex();
        if (live.isPresent()) {
            refreshEvery(live.get(), config.refreshIntervalSetting()); // an older version may have created it with another interval
            Optional<String> outdated = live.filter(index -> !fingerprintOf(index).equals(IndexDefinition.fingerprint()));
            if (outdated.isPresent()) {
                addNewFields(outdated.get());
                LOG.warnf("The live view index %s was built with other mappings than this version defines (%s); "
                        + "POST /api/v1/admin/rebuild to rebuild it", outdated.get(), IndexDefinition.fingerprint());
            }
            return;
        }
        ObjectNode body = IndexDefinition.createBody(config, false);
        body.with("aliases").putObject(alias());
        String first = alias() + "-g0";
        try {
            send("PUT", "/" + first, body);
            LOG.infof("Created the search view index %s behind alias %s", first, alias());
        } catch (ResponseException e) {
            if (!e.getMessage().contains("resource_already_exists_exception")) {
                throw e;
            }
        }
    }

    /** A new, empty generation tuned for bulk loading (no refresh, no replicas); not yet serving. */
    public String createGeneration() throws IOException {
        String name = alias() + "-g" + Instant.now().toEpochMilli();
        send("PUT", "/" + name, IndexDefinition.createBody(config, true));
        return name;
    }

    private void refreshEvery(String index, String interval) throws IOException {
        ObjectNode settings = JSON.createObjectNode();
        settings.with("index").put("refresh_interval", interval);
        send("PUT", "/" + index + "/_settings", settings);
    }

    /** Gives a loaded generation its serving settings and makes everything in it searchable. */
    public void finishLoading(String index) throws IOException {
        ObjectNode settings = JSON.createObjectNode();
        settings.with("index").put("refresh_interval", config.refreshIntervalSetting()).put("number_of_replicas", config.replicas());
        send("PUT", "/" + index + "/_settings", settings);
        send("POST", "/" + index + "/_refresh", null);
        Request health = new Request("GET", "/_cluster/health/" + index);
        health.addParameter("wait_for_status", config.replicas() == 0 ? "green" : "yellow");
        health.addParameter("timeout", "60s");
        rest.performRequest(health);
    }

    /** Points the alias at {@code index} and away from every other generation, atomically. */
    public void switchTo(String index) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        var actions = body.putArray("actions");
        actions.addObject().putObject("remove").put("index", alias() + "-g*").put("alias", alias());
        actions.addObject().putObject("add").put("index", index).put("alias", alias());
        send("POST", "/_aliases", body);
        spellingMemory.viewChanged(Duration.ZERO); // searches now read another generation
    }

    /** The index the alias points at, if any. */
    public Optional<String> liveIndex() throws IOException {
        try {
            JsonNode aliases = send("GET", "/_alias/" + alias(), null);
            Iterator<String> names = aliases.fieldNames();
            return names.hasNext() ? Optional.of(names.next()) : Optional.empty();
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every generation that exists, serving or not. */
    public List<String> generations() throws IOException {
        JsonNode indexes = send("GET", "/_cat/indices/" + alias() + "-g*?format=json&h=index", null);
        List<String> names = new ArrayList<>();
        indexes.forEach(i -> names.add(i.get("index").asText()));
        return names;
    }

    public void delete(String index) throws IOException {
        if (index.startsWith(alias() + "-g")) {
            send("DELETE", "/" + index, null);
        }
    }

    /** Whether the cluster answers and the view's shards can serve (yellow or green). */
    public boolean healthy() {
        try {
            Request health = new Request("GET", "/_cluster/health/" + alias());
            health.addParameter("wait_for_status", "yellow");
            health.addParameter("timeout", "2s");
            JsonNode status = JSON.readTree(EntityUtils.toString(rest.performRequest(health).getEntity()));
            return !status.path("timed_out").asBoolean(true);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Adds the fields this version defines and an older live index lacks (its mapping is strict,
     * so writes with a new field would otherwise be refused until the rebuild); a field whose
     * definition changed cannot be changed in place and waits for the rebuild.
     */
    private void addNewFields(String index) {
        try {
            ObjectNode properties = JSON.createObjectNode();
            properties.set("properties", IndexDefinition.createBody(config, false).at("/mappings/properties"));
            send("PUT", "/" + index + "/_mapping", properties);
        } catch (IOException e) {
            LOG.warnf("Could not add this version's new fields to %s: %s", index, e.getMessage());
        }
    }

    private String fingerprintOf(String index) {
        try {
            return send("GET", "/" + index + "/_mapping", null).path(index).at("/mappings/_meta/mapping").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private JsonNode send(String method, String path, JsonNode body) throws IOException {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(JSON.writeValueAsString(body));
        }
        Response response = rest.performRequest(request);
        return response.getEntity() == null ? JSON.nullNode() : JSON.readTree(EntityUtils.toString(response.getEntity()));
    }
}
