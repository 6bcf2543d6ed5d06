package net.historyarchive.catalog.document.model;

/** Controlled vocabulary of document genres found in diplomatic and political archives. */
public enum DocumentType {
    LETTER, MEMORANDUM, TELEGRAM, RECORD_OF_CONVERSATION, DIARY, JOURNAL, REPORT, MINUTES,
    RESOLUTION, DECREE, SPEECH, STATEMENT, TREATY, NOTE, TRANSCRIPT, INTERVIEW, ARTICLE, OTHER
}
