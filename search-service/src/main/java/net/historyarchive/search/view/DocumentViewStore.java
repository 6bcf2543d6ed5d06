package net.historyarchive.search.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.ingest.ChangeEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes change events into document_view. Every write is conditional on the stored version being
 * older, in SQL, so duplicates, replays and late events are no-ops and a deletion (kept as a
 * versioned tombstone) cannot be undone by an older event.
 */
@ApplicationScoped
public class DocumentViewStore {

    private static final String UPSERT = """
            INSERT INTO document_view (id, version, deleted, snapshot, title, summary, date_display, date_start,
                date_end, date_precision, document_type, languages, collections, subjects, people, places,
                has_translation, search_vector, source_updated_at, applied_at)
            SELECT ?, ?, false, s, s ->> 'title', s ->> 'summary', s #>> '{date,display}', (s #>> '{date,start}')::date,
                (s #>> '{date,end}')::date, s #>> '{date,precision}', s ->> 'documentType',
                archive_text_array(s -> 'languages'),
                coalesce(ARRAY(SELECT c ->> 'name' FROM jsonb_array_elements(s -> 'collections') c), '{}'),
                archive_text_array(s -> 'subjects'), archive_text_array(s -> 'people'), archive_text_array(s -> 'places'),
                coalesce(s -> 'texts' @> '[{"kind": "TRANSLATION"}]', false),
                archive_search_vector(s), (s ->> 'updatedAt')::timestamptz, now()
            FROM (SELECT ?::jsonb AS s) input
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, deleted = false, snapshot = EXCLUDED.snapshot,
                title = EXCLUDED.title, summary = EXCLUDED.summary, date_display = EXCLUDED.date_display,
                date_start = EXCLUDED.date_start, date_end = EXCLUDED.date_end, date_precision = EXCLUDED.date_precision,
                document_type = EXCLUDED.document_type, languages = EXCLUDED.languages, collections = EXCLUDED.collections,
                subjects = EXCLUDED.subjects, people = EXCLUDED.people, places = EXCLUDED.places,
                has_translation = EXCLUDED.has_translation, search_vector = EXCLUDED.search_vector,
                source_updated_at = EXCLUDED.source_updated_at, applied_at = EXCLUDED.applied_at
            WHERE document_view.version < EXCLUDED.version""";

    private static final String TOMBSTONE = """
            INSERT INTO document_view (id, version, deleted, applied_at) VALUES (?, ?, true, now())
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, deleted = true, snapshot = NULL, title = NULL,
                summary = NULL, date_display = NULL, date_start = NULL, date_end = NULL, date_precision = NULL,
                document_type = NULL, languages = '{}', collections = '{}', subjects = '{}', people = '{}', places = '{}',
                has_translation = false, search_vector = NULL, source_updated_at = NULL, applied_at = EXCLUDED.applied_at
            WHERE document_view.version < EXCLUDED.version""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public DocumentViewStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Applies the events in one transaction (two JDBC batches). */
    public void apply(Collection<ChangeEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
                 PreparedStatement tombstone = connection.prepareStatement(TOMBSTONE)) {
                for (ChangeEvent event : events) {
                    PreparedStatement statement = event.deleted() ? tombstone : upsert;
                    statement.setObject(1, event.documentId());
                    statement.setLong(2, event.version());
                    if (!event.deleted()) {
                        statement.setString(3, json.writeValueAsString(event.snapshot()));
                    }
                    statement.addBatch();
                }
                upsert.executeBatch();
                tombstone.executeBatch();
                connection.commit();
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                connection.rollback();
                throw e instanceof SQLException sql ? sql : new SQLException(e);
            }
        }
    }

    /** The stored snapshot of a live document, as JSON text. */
    public Optional<String> snapshot(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT snapshot::text FROM document_view WHERE id = ? AND NOT deleted")) {
            query.setObject(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
