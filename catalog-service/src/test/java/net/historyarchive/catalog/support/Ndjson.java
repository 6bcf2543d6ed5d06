package net.historyarchive.catalog.support;

import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;

/** Sends NDJSON bodies to the import endpoint. */
public final class Ndjson {

    private Ndjson() {
    }

    /** Imports {@code body} as an archivist; {@code mode} null means the default. */
    public static Response importLines(String body, String mode) {
        return importBytes(body.getBytes(StandardCharsets.UTF_8), mode);
    }

    public static Response importBytes(byte[] body, String mode) {
        var request = Api.asArchivist().contentType(Api.NDJSON).body(body);
        if (mode != null) {
            request.queryParam("mode", mode);
        }
        return request.post(Api.IMPORT);
    }

    /** One line: a minimal valid document in {@code collectionId} (may be null). */
    public static String document(String title, String collectionId) {
        return "{\"title\": " + Api.quote(title)
                + (collectionId == null ? "" : ", \"collections\": [\"" + collectionId + "\"]") + "}";
    }
}
