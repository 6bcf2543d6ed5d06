package net.historyarchive.search.view;

import java.util.UUID;

/** What the view holds for one document: its version and whether that version is a deletion (a tombstone). */
public record ViewEntry(UUID documentId, long version, boolean deleted) {
}
