package net.historyarchive.catalog.document.model;

/** How certain the archivist is of a date: "circa 1956" is APPROXIMATE, "[1956]" INFERRED. */
public enum DateQualifier {
    NONE, APPROXIMATE, INFERRED, UNCERTAIN
}
