package net.historyarchive.catalog.document.importing;

/** What happens to the valid lines of an import that also has invalid ones. */
public enum ImportMode {
    /** Every line must be valid; otherwise nothing is written (the default). */
    ATOMIC,
    /** Valid lines are written, invalid ones reported and skipped. */
    PER_LINE
}
