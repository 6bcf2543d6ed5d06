package net.historyarchive.catalog.common.problem;

/** The stable problem types this API answers with. The URIs are part of the API contract. */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    VALIDATION_FAILED(400, "validation-failed", "Validation failed"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    IMPORT_REJECTED(422, "import-rejected", "Import rejected"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
    HEADER_FIELDS_TOO_LARGE(431, "header-fields-too-large", "Request header fields too large"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    /** A dependency (the database) cannot be reached for now: retry later. */
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    /** This instance is shutting down (a rollout or scale-down): retry, another instance answers. */
    SHUTTING_DOWN(503, "shutting-down", "Shutting down"),
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
