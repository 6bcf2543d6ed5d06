package net.historyarchive.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The catalog records hostile requests aim at: one document and one collection, each with the
 * version a write must name in If-Match. Generated requests carry placeholders that are filled in
 * when sent, so that a write the service accepted (valid but odd input) does not turn every later
 * request into a 412 that never reaches validation.
 */
final class Fixtures {

    static final String DOCUMENT = "@@DOCUMENT@@";
    static final String DOCUMENT_VERSION = "@@DOCUMENT_VERSION@@";
    static final String COLLECTION = "@@COLLECTION@@";
    static final String COLLECTION_VERSION = "@@COLLECTION_VERSION@@";

    private String document;
    private long documentVersion;
    private String collection;
    private long collectionVersion;

    void document(String id, long version) {
        this.document = id;
        this.documentVersion = version;
    }

    void collection(String id, long version) {
        this.collection = id;
        this.collectionVersion = version;
    }

    String document() {
        return document;
    }

    String collection() {
        return collection;
    }

    String resolve(String text) {
        return text.replace(DOCUMENT_VERSION, Long.toString(documentVersion)).replace(DOCUMENT, document)
                .replace(COLLECTION_VERSION, Long.toString(collectionVersion)).replace(COLLECTION, collection);
    }

    List<HostileRequest.Header> resolve(List<HostileRequest.Header> headers) {
        List<HostileRequest.Header> resolved = new ArrayList<>(headers.size());
        for (HostileRequest.Header header : headers) {
            String text = new String(header.value(), StandardCharsets.ISO_8859_1);
            resolved.add(text.contains("@@") ? new HostileRequest.Header(header.name(),
                    resolve(text).getBytes(StandardCharsets.ISO_8859_1)) : header);
        }
        return resolved;
    }

    /** Creates a new fixture document (an ordinary valid create) and aims the placeholders at it; returns its id. */
    String createDocument(RawHttp http, String token) throws IOException {
        JsonNode created = create(http, token, "/api/v1/documents", "{\"title\": \"Hostile-input fixture\", "
                + "\"summary\": \"A document hostile requests aim at.\", \"date\": {\"start\": \"1956-09-19\", \"precision\": \"DAY\"}, "
                + "\"documentType\": \"TELEGRAM\", \"languages\": [\"ru\"], \"people\": [\"Ponomarev\"], \"places\": [\"Pyongyang\"]}");
        document(created.path("id").asText(), created.path("version").asLong());
        return document;
    }

    /** Creates a new fixture collection (names are unique, so each gets a new one); returns its id. */
    String createCollection(RawHttp http, String token) throws IOException {
        JsonNode created = create(http, token, "/api/v1/collections",
                "{\"name\": \"Hostile-input fixture " + UUID.randomUUID() + "\", \"description\": \"A collection hostile requests aim at.\"}");
        collection(created.path("id").asText(), created.path("version").asLong());
        return collection;
    }

    private static JsonNode create(RawHttp http, String token, String path, String json) throws IOException {
        HostileRequest request = new HostileRequest("fixture", HostileRequest.Service.CATALOG, "POST", path,
                List.of(HostileRequest.Header.of("Authorization", "Bearer " + token), HostileRequest.Header.of("Content-Type", "application/json"),
                        HostileRequest.Header.of("Accept", "application/json")), json.getBytes(StandardCharsets.UTF_8), HostileRequest.Expect.ANY, false);
        RawHttp.Answer answer = http.exchange(request, path);
        if (answer.status() != 201) {
            throw new IllegalStateException("creating a fixture at " + path + " answered " + answer.status() + ": " + answer.bodyText());
        }
        return OpenApi.JSON.readTree(answer.body());
    }
}
