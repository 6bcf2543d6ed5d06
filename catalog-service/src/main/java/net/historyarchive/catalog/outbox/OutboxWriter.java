package net.historyarchive.catalog.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import net.historyarchive.catalog.common.Ids;
import net.historyarchive.catalog.document.model.Document;
import net.historyarchive.catalog.document.service.DocumentChangeListener;
import net.historyarchive.catalog.outbox.event.DeletedDocument;
import net.historyarchive.catalog.outbox.event.DocumentSnapshot;
import net.historyarchive.catalog.outbox.event.DocumentSnapshots;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes one outbox row per document change, on the connection of the current transaction, so
 * the event exists exactly when the change commits. Plain JDBC (not an entity) so that the
 * database assigns the id at insert time and inserts of a bulk import go out as one batch.
 *
 * <p>An interactive row keeps the traceparent of the request that wrote it, so its event continues
 * that request's trace through the relay and Kafka to the consumer. Bulk rows keep none: an import's
 * trace with a span per document (hundreds of thousands) would be too large to keep or look at; the
 * import request itself is still traced.
 */
@ApplicationScoped
public class OutboxWriter implements DocumentChangeListener {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, aggregate_id, aggregate_version, occurred_at, payload, lane, traceparent)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public OutboxWriter(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    @Override
    public void created(Document document) {
        write(List.of(snapshotRow(ChangeEventType.CREATED, DocumentSnapshots.of(document), EventLane.INTERACTIVE)));
    }

    /** Documents of a bulk import: the bulk lane. */
    @Override
    public void createdAll(List<Document> documents) {
        write(documents.stream().map(d -> snapshotRow(ChangeEventType.CREATED, DocumentSnapshots.of(d), EventLane.BULK)).toList());
    }

    @Override
    public void updated(Document document) {
        write(List.of(snapshotRow(ChangeEventType.UPDATED, DocumentSnapshots.of(document), EventLane.INTERACTIVE)));
    }

    /** Fan-out of one action (a collection renamed): the bulk lane. */
    @Override
    public void updatedAll(List<Document> documents) {
        write(documents.stream().map(d -> snapshotRow(ChangeEventType.UPDATED, DocumentSnapshots.of(d), EventLane.BULK)).toList());
    }

    /** In both lanes (see {@link EventLane}), as two events. */
    @Override
    public void deleted(UUID id, long version, Instant deletedAt) {
        DeletedDocument deletion = new DeletedDocument(id, version, deletedAt, true);
        write(List.of(row(json, ChangeEventType.DELETED, id, version, deletedAt, deletion, EventLane.INTERACTIVE),
                row(json, ChangeEventType.DELETED, id, version, deletedAt, deletion, EventLane.BULK)));
    }

    private Row snapshotRow(ChangeEventType type, DocumentSnapshot snapshot, EventLane lane) {
        return row(json, type, snapshot.id(), snapshot.version(), snapshot.updatedAt(), snapshot, lane);
    }

    private static Row row(ObjectMapper json, ChangeEventType type, UUID id, long version, Instant at, Object data, EventLane lane) {
        try {
            String traceparent = lane == EventLane.INTERACTIVE ? TraceParent.current() : null;
            return new Row(Ids.newId(), type, id, version, at, json.writeValueAsString(data), lane, traceparent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise change event of document " + id, e);
        }
    }

    private void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // Entities changed in this transaction must reach the database before their events do.
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> insert(connection, rows));
    }

    /**
     * "created" events for documents written with plain JDBC on {@code connection} (a restore
     * from an export), in that connection's transaction.
     */
    public static void writeCreated(Connection connection, ObjectMapper json, List<DocumentSnapshot> documents) throws SQLException {
        List<Row> rows = new ArrayList<>(documents.size());
        for (DocumentSnapshot d : documents) {
            rows.add(row(json, ChangeEventType.CREATED, d.id(), d.version(), d.updatedAt(), d, EventLane.BULK));
        }
        insert(connection, rows);
    }

    private static void insert(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                insert.setObject(1, row.eventId());
                insert.setString(2, row.type().cloudEventType());
                insert.setObject(3, row.aggregateId());
                insert.setLong(4, row.version());
                insert.setTimestamp(5, Timestamp.from(row.occurredAt()));
                insert.setString(6, row.payload());
                insert.setString(7, row.lane().label());
                insert.setString(8, row.traceparent());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private record Row(UUID eventId, ChangeEventType type, UUID aggregateId, long version, Instant occurredAt,
                       String payload, EventLane lane, String traceparent) {
    }
}
