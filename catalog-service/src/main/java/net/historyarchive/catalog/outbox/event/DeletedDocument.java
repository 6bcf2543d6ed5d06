package net.historyarchive.catalog.outbox.event;

import java.time.Instant;
import java.util.UUID;

/** The data of a deletion event: which document, at which version, when. */
public record DeletedDocument(UUID id, long version, Instant deletedAt, boolean deleted) {
}
