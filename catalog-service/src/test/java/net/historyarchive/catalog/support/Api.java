package net.historyarchive.catalog.support;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Small helpers over RestAssured for the catalog API. Bodies go out as UTF-8 bytes with an
 * explicit charset, so non-ASCII test data reaches the server exactly as written.
 */
public final class Api {

    public static final String DOCUMENTS = "/api/v1/documents";
    public static final String COLLECTIONS = "/api/v1/collections";
    public static final String IMPORT = "/api/v1/documents/import";
    public static final String JSON = "application/json; charset=UTF-8";
    public static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    public static final String NDJSON = "application/x-ndjson; charset=UTF-8";

    private Api() {
    }

    /** A request carrying a valid archivist token. */
    public static RequestSpecification asArchivist() {
        return given().header("Authorization", Tokens.archivist());
    }

    /** An archivist request with a JSON body. */
    public static RequestSpecification jsonBody(String json) {
        return asArchivist().contentType(JSON).body(json.getBytes(StandardCharsets.UTF_8));
    }

    /** An archivist request with a JSON merge patch body. */
    public static RequestSpecification mergePatchBody(String json) {
        return asArchivist().contentType(MERGE_PATCH).body(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A name no other test uses, so tests never depend on what else is in the shared database. */
    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    /** Creates a document (expecting 201) and returns its id. */
    public static String createDocument(String json) {
        return jsonBody(json).post(DOCUMENTS).then().statusCode(201).extract().path("id");
    }

    /** Creates a minimal document with the given title and returns its id. */
    public static String createDocumentTitled(String title) {
        return createDocument("{\"title\": " + quote(title) + "}");
    }

    /** Creates a document that belongs to the given collection and returns its id. */
    public static String createDocumentIn(String collectionId, String title) {
        return createDocument("{\"title\": " + quote(title) + ", \"collections\": [\"" + collectionId + "\"]}");
    }

    /** Creates a collection (expecting 201) and returns its id. */
    public static String createCollection(String name) {
        return jsonBody("{\"name\": " + quote(name) + "}").post(COLLECTIONS)
                .then().statusCode(201).extract().path("id");
    }

    public static JsonPath getDocument(String id) {
        return given().get(DOCUMENTS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath getCollection(String id) {
        return given().get(COLLECTIONS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static long documentVersion(String id) {
        return getDocument(id).getLong("version");
    }

    public static Response patchDocument(String id, String ifMatch, String json) {
        return mergePatchBody(json).header("If-Match", ifMatch).patch(DOCUMENTS + "/" + id);
    }

    /** A JSON string literal: quotes, backslashes, newlines and tabs escaped (test data has no other control characters). */
    public static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
