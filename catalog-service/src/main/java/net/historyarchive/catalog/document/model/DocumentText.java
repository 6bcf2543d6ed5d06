package net.historyarchive.catalog.document.model;

import java.util.List;

/** One text of a document (original, transcript or translation); stored as JSON in the document row. */
public record DocumentText(TextKind kind, String language, String body, List<String> translators) {
}
