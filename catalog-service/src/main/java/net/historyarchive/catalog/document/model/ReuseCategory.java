package net.historyarchive.catalog.document.model;

/** What a reader may do with a document, in broad categories. */
public enum ReuseCategory {
    PUBLIC_DOMAIN, OPEN_LICENSE, EDUCATIONAL_USE, PERMISSION_REQUIRED, UNKNOWN
}
