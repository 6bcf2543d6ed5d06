package net.historyarchive.catalog.document.model;

/** Whether a text is the document as written, a transcription of it, or a translation. */
public enum TextKind {
    ORIGINAL, TRANSCRIPT, TRANSLATION
}
