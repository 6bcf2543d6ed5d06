package net.historyarchive.catalog.common.domain;

/** The change contradicts other records (a name already taken, a collection that still has members). */
public class RecordConflictException extends RuntimeException {

    public RecordConflictException(String detail) {
        super(detail);
    }
}
