package net.historyarchive.catalog.document.service;

import net.historyarchive.catalog.document.api.DocumentView;

import java.time.Instant;

/**
 * Told of every document change inside the transaction that makes it, so that whatever it
 * records (the outbox of change events) commits or rolls back with the change itself.
 */
public interface DocumentChangeListener {

    void created(DocumentView document);

    /** Many creations at once (bulk import); same as calling created for each, but batched. */
    default void createdAll(java.util.List<DocumentView> documents) {
        documents.forEach(this::created);
    }

    void updated(DocumentView document);

    /** @param version the version the deletion has: one more than the last stored version */
    void deleted(DocumentView lastState, long version, Instant deletedAt);
}
