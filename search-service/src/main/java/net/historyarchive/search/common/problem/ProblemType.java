package net.historyarchive.search.common.problem;

/**
 * The stable problem types search-service answers with. Each is registered, with its status and
 * title, in contracts/schemas/problem.v1.schema.json, the registry catalog-service uses too
 * (ProblemContractTest checks every constant against it).
 */
public enum ProblemType {
    INVALID_QUERY(400, "invalid-query", "Invalid search query"),
    /** A query parameter that is unknown, repeated or out of range: the same problem as an invalid field in the catalog. */
    VALIDATION_FAILED(400, "validation-failed", "Validation failed"),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    HEADER_FIELDS_TOO_LARGE(431, "header-fields-too-large", "Request header fields too large"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    HTTP_ERROR(0, "http-error", "HTTP error");

    /**
     * The former name of {@link #VALIDATION_FAILED} (type invalid-parameter until the error contract
     * was shared with catalog-service); kept so that code written against it still compiles.
     */
    @Deprecated(forRemoval = true)
    public static final ProblemType INVALID_PARAMETER = VALIDATION_FAILED;

    private static final String PREFIX = "urn:historyarchive:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public String title() {
        return title;
    }
}
