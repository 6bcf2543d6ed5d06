package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The view index's settings, analysis and mappings, from {@code opensearch/documents-index.json}
 * with the stop words of {@code opensearch/english-stop-words.txt}. Its fingerprint is stored in
 * the index's {@code _meta}, so a service can tell that the live generation was built by other
 * mappings and needs a rebuild.
 */
final class IndexDefinition {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STOP_WORDS = loadStopWords();

    private IndexDefinition() {
    }

    /** The English stop words dropped from plain query words (never from phrases or the index). */
    static Set<String> stopWords() {
        return STOP_WORDS;
    }

    /** The body of a create-index request for a generation being loaded or serving live. */
    static ObjectNode createBody(OpenSearchConfig config, boolean bulkLoading) {
        ObjectNode body = template();
        ObjectNode index = (ObjectNode) body.with("settings").with("index");
        index.put("number_of_shards", config.shards());
        index.put("number_of_replicas", bulkLoading ? 0 : config.replicas());
        index.put("refresh_interval", bulkLoading ? "-1" : config.refreshIntervalSetting());
        ((ObjectNode) body.with("mappings").with("_meta")).put("mapping", fingerprint());
        return body;
    }

    /** Identifies the analysis and mappings (not shard counts or refresh, which can change in place). */
    static String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(template()));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode template() {
        try (InputStream in = resource("documents-index.json")) {
            ObjectNode body = (ObjectNode) JSON.readTree(in);
            ArrayNode stop = JSON.createArrayNode();
            STOP_WORDS.stream().sorted().forEach(stop::add);
            ((ObjectNode) body.at("/settings/analysis/filter/archive_stop")).set("stopwords", stop);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> loadStopWords() {
        try (InputStream in = resource("english-stop-words.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = IndexDefinition.class.getClassLoader().getResourceAsStream("opensearch/" + name);
        if (in == null) {
            throw new IllegalStateException("opensearch/" + name + " is missing from the classpath");
        }
        return in;
    }
}
