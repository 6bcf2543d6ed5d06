package net.historyarchive.catalog.outbox.relay;

import java.time.Instant;
import java.util.UUID;

/** One unpublished change event as stored in the outbox. */
record OutboxRow(long id, UUID eventId, String type, UUID aggregateId, long version, Instant occurredAt,
                 String payload) {

    boolean isDeletion() {
        return type.contains(".deleted.");
    }
}
