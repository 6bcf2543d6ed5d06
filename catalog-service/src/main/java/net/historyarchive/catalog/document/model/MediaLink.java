package net.historyarchive.catalog.document.model;

/** A link to a scan, photograph or audio file of the document; stored as JSON in the document row. */
public record MediaLink(String uri, String mediaType, String caption) {
}
