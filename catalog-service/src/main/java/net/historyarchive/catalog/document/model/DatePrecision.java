package net.historyarchive.catalog.document.model;

/** How precisely a document's date is known; start and end are widened to this precision. */
public enum DatePrecision {
    DAY, MONTH, YEAR, DECADE, RANGE, UNKNOWN
}
