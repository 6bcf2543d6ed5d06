package net.historyarchive.catalog.document.service;

import net.historyarchive.catalog.document.model.Document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Told of every document change inside the transaction that makes it, so that whatever it
 * records (the outbox of change events) commits or rolls back with the change itself. It is
 * given the entity as stored, not the REST view: what it records is its own business.
 */
public interface DocumentChangeListener {

    void created(Document document);

    /** Many creations at once (bulk import); same as calling created for each, but batched. */
    default void createdAll(List<Document> documents) {
        documents.forEach(this::created);
    }

    void updated(Document document);

    /** Many documents changed by one action (a collection renamed): like updated for each, as bulk work. */
    default void updatedAll(List<Document> documents) {
        documents.forEach(this::updated);
    }

    /** @param version the version the deletion has: one more than the last stored version */
    void deleted(UUID id, long version, Instant deletedAt);
}
