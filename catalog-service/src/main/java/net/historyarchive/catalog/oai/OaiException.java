package net.historyarchive.catalog.oai;

/** An OAI-PMH error condition: becomes an {@code <error code="...">} response, never an HTTP error. */
final class OaiException extends RuntimeException {

    private final OaiErrorCode code;

    OaiException(OaiErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    OaiErrorCode code() {
        return code;
    }
}
