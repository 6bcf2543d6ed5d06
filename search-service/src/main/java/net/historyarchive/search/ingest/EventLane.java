package net.historyarchive.search.ingest;

/**
 * The catalog's two event lanes (contracts/document-events.asyncapi.yaml): single changes made
 * through its API, and bulk work (imports, restores, fan-outs; every deletion is in both). Each is
 * consumed on its own, the interactive lane first, and either may deliver a document's newest
 * version: the view's external versions decide, whichever lane it came in.
 */
public enum EventLane {
    INTERACTIVE("interactive"),
    BULK("bulk");

    private final String label;

    EventLane(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    String topic(IngestConfig config) {
        return this == BULK ? config.bulkTopic() : config.topic();
    }

    String group(IngestConfig config) {
        return this == BULK ? config.bulkGroup() : config.group();
    }
}
