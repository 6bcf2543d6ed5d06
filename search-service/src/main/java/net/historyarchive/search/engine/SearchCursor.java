package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.historyarchive.search.query.CursorRejected;
import net.historyarchive.search.query.QueryNode;
import net.historyarchive.search.query.SearchRequest;
import org.opensearch.client.opensearch._types.FieldValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a deep walk through the results stands: the sort values of the last hit given
 * (search_after), and from the second page on a point in time, so the walk sees one frozen view
 * of the index (relevance scores included) while documents keep arriving. A relevance page reached
 * by number has no sort values to give ({@link ResultOrder}): its cursor holds the number of hits
 * given so far ({@code rank}) instead. Bound to the query, filters and order it came from, not to
 * the page size.
 */
record SearchCursor(String fingerprint, String pointInTime, List<FieldValue> after, long rank) {

    /** A cursor continuing after the first {@code rank} hits of a relevance search (in a point in time, or none yet). */
    static SearchCursor atRank(String fingerprint, String pointInTime, long rank) {
        return new SearchCursor(fingerprint, pointInTime, List.of(), rank);
    }

    boolean byRank() {
        return after.isEmpty();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static String fingerprint(SearchRequest request) {
        String identity = request.query().map(QueryNode::toString).orElse("") + "|" + request.filters() + "|" + request.sort();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String encode() {
        ObjectNode json = JSON.createObjectNode().put("f", fingerprint);
        if (pointInTime != null) {
            json.put("p", pointInTime);
        }
        if (byRank()) {
            json.put("r", rank);
        }
        ArrayNode values = json.putArray("a");
        for (FieldValue value : after) {
            if (value.isLong()) {
                values.add(value.longValue());
            } else if (value.isDouble()) {
                values.add(value.doubleValue());
            } else if (value.isBoolean()) {
                values.add(value.booleanValue());
            } else if (value.isNull()) {
                values.addNull();
            } else {
                values.add(value.stringValue());
            }
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SearchCursor decode(String token, String expectedFingerprint) {
        JsonNode json;
        try {
            json = JSON.readTree(Base64.getUrlDecoder().decode(token));
        } catch (IllegalArgumentException | IOException e) {
            throw new CursorRejected("not a cursor this service issued");
        }
        if (json == null || !json.path("f").isTextual() || !json.path("a").isArray()) {
            throw new CursorRejected("not a cursor this service issued");
        }
        if (!json.get("f").asText().equals(expectedFingerprint)) {
            throw new CursorRejected("this cursor belongs to a different query, filters or sort");
        }
        List<FieldValue> after = new ArrayList<>();
        for (JsonNode value : json.get("a")) {
            if (value.isIntegralNumber()) {
                after.add(FieldValue.of(value.asLong()));
            } else if (value.isNumber()) {
                after.add(FieldValue.of(value.asDouble()));
            } else if (value.isBoolean()) {
                after.add(FieldValue.of(value.asBoolean()));
            } else if (value.isNull()) {
                after.add(FieldValue.NULL);
            } else {
                after.add(FieldValue.of(value.asText()));
            }
        }
        long rank = json.path("r").asLong(-1);
        if (after.isEmpty() == (rank < 1)) { // either sort values or a rank
            throw new CursorRejected("not a cursor this service issued");
        }
        return new SearchCursor(json.get("f").asText(), json.path("p").isTextual() ? json.get("p").asText() : null, after,
                after.isEmpty() ? rank : 0);
    }
}
