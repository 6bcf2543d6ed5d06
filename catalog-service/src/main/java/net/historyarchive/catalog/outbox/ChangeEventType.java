package net.historyarchive.catalog.outbox;

/** CloudEvents types of document changes; the suffix is the payload schema version. */
public enum ChangeEventType {
    CREATED("net.historyarchive.catalog.document.created.v1"),
    UPDATED("net.historyarchive.catalog.document.updated.v1"),
    DELETED("net.historyarchive.catalog.document.deleted.v1");

    private final String cloudEventType;

    ChangeEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }
}
