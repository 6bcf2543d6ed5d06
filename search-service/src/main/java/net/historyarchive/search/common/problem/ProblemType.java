package net.historyarchive.search.common.problem;

/** The stable problem types search-service answers with; the URIs match catalog-service's. */
public enum ProblemType {
    INVALID_QUERY(400, "invalid-query", "Invalid search query"),
    INVALID_PARAMETER(400, "invalid-parameter", "Invalid parameter"),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    HTTP_ERROR(0, "http-error", "HTTP error");

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
