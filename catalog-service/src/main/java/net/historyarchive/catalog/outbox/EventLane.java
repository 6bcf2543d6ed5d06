package net.historyarchive.catalog.outbox;

/**
 * Which lane a change event travels in, end to end: single changes made through the API
 * (interactive) and bulk work (imports, restores) have their own outbox rows, relay loops and
 * topics, so an archivist's edit never waits behind a million queued import events. A deletion is
 * written to both lanes: each topic is compacted on its own, and a deletion only in the
 * interactive topic would let a replay of the bulk topic bring the document back.
 */
public enum EventLane {
    INTERACTIVE("interactive"),
    BULK("bulk");

    private final String label;

    EventLane(String label) {
        this.label = label;
    }

    /** The lane's name in the outbox table, metrics and configuration. */
    public String label() {
        return label;
    }
}
