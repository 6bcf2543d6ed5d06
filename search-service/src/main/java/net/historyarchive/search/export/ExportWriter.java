package net.historyarchive.search.export;

import java.io.IOException;

/** Writes one format: what comes before the documents, each document, and what comes after. */
interface ExportWriter {

    default void begin() throws IOException {
    }

    void write(ExportedDocument document) throws IOException;

    default void end() throws IOException {
    }
}
