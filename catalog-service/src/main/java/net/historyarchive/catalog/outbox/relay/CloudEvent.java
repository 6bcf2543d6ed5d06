package net.historyarchive.catalog.outbox.relay;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as written to Kafka. {@code data} is the
 * stored JSON snapshot, embedded as is.
 */
record CloudEvent(String specversion, String id, String source, String type, String subject, String time,
                  String datacontenttype, String dataschema, @JsonRawValue String data) {

    static final String SNAPSHOT_SCHEMA = "urn:historyarchive:schema:document.snapshot.v1";
    static final String DELETED_SCHEMA = "urn:historyarchive:schema:document.deleted.v1";
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    static CloudEvent of(OutboxRow row, String source) {
        String schema = row.isDeletion() ? DELETED_SCHEMA : SNAPSHOT_SCHEMA;
        return new CloudEvent("1.0", row.eventId().toString(), source, row.type(), row.aggregateId().toString(),
                row.occurredAt().toString(), "application/json",
                schema, row.payload());
    }
}
