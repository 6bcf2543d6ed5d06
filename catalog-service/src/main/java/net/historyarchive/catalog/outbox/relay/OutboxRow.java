package net.historyarchive.catalog.outbox.relay;

import java.time.Instant;
import java.util.UUID;

/**
 * One unpublished change event as stored in the outbox; {@code traceparent} is the W3C trace
 * context of the request that wrote it, or null (see OutboxWriter).
 */
record OutboxRow(long id, UUID eventId, String type, UUID aggregateId, long version, Instant occurredAt,
                 String payload, String traceparent) {

    boolean isDeletion() {
        return type.contains(".deleted.");
    }
}
