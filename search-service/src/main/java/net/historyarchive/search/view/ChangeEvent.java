package net.historyarchive.search.view;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/** A decoded, valid change event: the document, its version, and its snapshot (null when deleted). */
public record ChangeEvent(UUID documentId, long version, boolean deleted, JsonNode snapshot) {
}
