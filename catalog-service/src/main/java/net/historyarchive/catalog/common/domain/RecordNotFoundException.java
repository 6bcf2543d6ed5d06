package net.historyarchive.catalog.common.domain;

import java.util.UUID;

/** The record named does not exist (or no longer does). */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String kind, UUID id) {
        super(kind + " " + id + " does not exist");
    }
}
