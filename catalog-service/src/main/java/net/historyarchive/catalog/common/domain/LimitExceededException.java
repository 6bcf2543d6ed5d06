package net.historyarchive.catalog.common.domain;

/** The input is larger than the service accepts in one request (too many documents in an import). */
public class LimitExceededException extends RuntimeException {

    public LimitExceededException(String detail) {
        super(detail);
    }
}
