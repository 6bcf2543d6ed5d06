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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes change events into the view, a whole batch in two set-based statements (one for live
 * documents, one for deletions) in one transaction. Every write is conditional on the stored
 * version being older, in SQL, so duplicates, replays and late events are no-ops and a deletion
 * (kept as a versioned tombstone) cannot be undone by an older event.
 *
 * <p>The statement for live documents also keeps the lexicon ({@code search_lexeme}: every word,
 * lower case and unaccented, not stemmed, of title, people, places, subjects and summary, as
 * {@code archive_lexicon_words} in V3 defines it) and the suggestions ({@code search_suggestion}:
 * every person, place and subject as written) up to date, from the fields of the rows it changed
 * that differ from what those rows held before. Both only grow: an edit or a deletion leaves its words and
 * names behind, which costs nothing because the search side matches them against the live view;
 * a rebuild starts them afresh.
 *
 * <p>Rows, words and names are written in key order, so two transactions (replicas during a
 * rebalance) that touch the same keys wait for each other instead of deadlocking.
 */
@ApplicationScoped
public class DocumentViewStore {

    private static final String UPSERT = """
            WITH input AS MATERIALIZED (
                -- Materialized: each snapshot is parsed from text once, not once per field taken from it.
                -- Stale and duplicate events cost one index probe, not a search vector. What the row
                -- held before tells which words and names can be new to the lexicon and suggestions.
                SELECT i.id, i.version, i.s::jsonb AS s, d.title AS old_title, d.summary AS old_summary,
                    d.people AS old_people, d.places AS old_places, d.subjects AS old_subjects
                FROM unnest(?::uuid[], ?::bigint[], ?::text[]) AS i(id, version, s)
                LEFT JOIN %1$s d ON d.id = i.id
                WHERE d.id IS NULL OR d.version < i.version
            ), applied AS (
                INSERT INTO %1$s AS v (id, version, deleted, snapshot, title, summary, date_display, date_start,
                    date_end, date_precision, document_type, languages, collections, subjects, people, places,
                    has_translation, search_vector, source_updated_at, applied_at)
                SELECT id, version, false, s, s ->> 'title', s ->> 'summary', s #>> '{date,display}', (s #>> '{date,start}')::date,
                    (s #>> '{date,end}')::date, s #>> '{date,precision}', s ->> 'documentType',
                    archive_text_array(s -> 'languages'),
                    coalesce(ARRAY(SELECT c ->> 'name' FROM jsonb_array_elements(s -> 'collections') c), '{}'),
                    archive_text_array(s -> 'subjects'), archive_text_array(s -> 'people'), archive_text_array(s -> 'places'),
                    coalesce(s -> 'texts' @> '[{"kind": "TRANSLATION"}]', false),
                    archive_search_vector(s), (s ->> 'updatedAt')::timestamptz, now()
                FROM input
                ORDER BY input.id
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, deleted = false, snapshot = EXCLUDED.snapshot,
                    title = EXCLUDED.title, summary = EXCLUDED.summary, date_display = EXCLUDED.date_display,
                    date_start = EXCLUDED.date_start, date_end = EXCLUDED.date_end, date_precision = EXCLUDED.date_precision,
                    document_type = EXCLUDED.document_type, languages = EXCLUDED.languages, collections = EXCLUDED.collections,
                    subjects = EXCLUDED.subjects, people = EXCLUDED.people, places = EXCLUDED.places,
                    has_translation = EXCLUDED.has_translation, search_vector = EXCLUDED.search_vector,
                    source_updated_at = EXCLUDED.source_updated_at, applied_at = EXCLUDED.applied_at
                WHERE v.version < EXCLUDED.version
                RETURNING v.id, v.title, v.summary, v.people, v.places, v.subjects
            ), changed AS (
                -- Only fields that differ from what the row held can bring new words and names (the
                -- old ones are in the lexicon already): an edit of the date parses no text at all.
                SELECT CASE WHEN a.title IS DISTINCT FROM i.old_title THEN a.title END AS title,
                    CASE WHEN a.summary IS DISTINCT FROM i.old_summary THEN a.summary END AS summary,
                    CASE WHEN a.people IS DISTINCT FROM i.old_people THEN a.people END AS people,
                    CASE WHEN a.places IS DISTINCT FROM i.old_places THEN a.places END AS places,
                    CASE WHEN a.subjects IS DISTINCT FROM i.old_subjects THEN a.subjects END AS subjects
                FROM applied a JOIN input i ON i.id = a.id
            ), lexemes AS (
                INSERT INTO %2$s (lexeme)
                SELECT DISTINCT w.lexeme
                FROM changed c, unnest(archive_lexicon_words(c.title, c.summary, c.people, c.places, c.subjects)) AS w(lexeme)
                WHERE num_nonnulls(c.title, c.summary, c.people, c.places, c.subjects) > 0
                ORDER BY w.lexeme
                ON CONFLICT DO NOTHING
            ), suggestions AS (
                INSERT INTO %3$s (kind, value, folded)
                SELECT DISTINCT s.kind, s.value, lower(archive_unaccent(s.value))
                FROM changed c, LATERAL (SELECT 'person', unnest(c.people) UNION ALL SELECT 'place', unnest(c.places)
                    UNION ALL SELECT 'subject', unnest(c.subjects)) AS s(kind, value)
                WHERE s.value <> ''
                ORDER BY s.kind, s.value
                ON CONFLICT DO NOTHING
            )
            SELECT count(*) FROM applied""";

    private static final String TOMBSTONE = """
            INSERT INTO %1$s AS v (id, version, deleted, applied_at)
            SELECT i.id, i.version, true, now() FROM unnest(?::uuid[], ?::bigint[]) AS i(id, version)
            ORDER BY i.id
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, deleted = true, snapshot = NULL, title = NULL,
                summary = NULL, date_display = NULL, date_start = NULL, date_end = NULL, date_precision = NULL,
                document_type = NULL, languages = '{}', collections = '{}', subjects = '{}', people = '{}', places = '{}',
                has_translation = false, search_vector = NULL, source_updated_at = NULL, applied_at = EXCLUDED.applied_at
            WHERE v.version < EXCLUDED.version""";

    private record Statements(String upsert, String tombstone) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Map<ViewTables, Statements> statements = new ConcurrentHashMap<>();

    public DocumentViewStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Applies the events to the live view in one transaction; returns how many rows changed. */
    public int apply(Collection<ChangeEvent> events) throws SQLException {
        return apply(ViewTables.LIVE, events);
    }

    /** Applies the events to the given tables in one transaction; returns how many rows changed. */
    public int apply(ViewTables tables, Collection<ChangeEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int changed = apply(connection, tables, events);
                connection.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Applies the events in the caller's transaction: of several events for one document only the
     * newest counts. Returns how many rows changed (stale events change none).
     */
    public int apply(Connection connection, ViewTables tables, Collection<ChangeEvent> events) throws SQLException {
        Map<UUID, ChangeEvent> newest = new TreeMap<>();
        for (ChangeEvent event : events) {
            newest.merge(event.documentId(), event, (a, b) -> b.version() > a.version() ? b : a);
        }
        List<UUID> liveIds = new ArrayList<>();
        List<Long> liveVersions = new ArrayList<>();
        List<String> snapshots = new ArrayList<>();
        List<UUID> deletedIds = new ArrayList<>();
        List<Long> deletedVersions = new ArrayList<>();
        for (ChangeEvent event : newest.values()) {
            if (event.deleted()) {
                deletedIds.add(event.documentId());
                deletedVersions.add(event.version());
            } else {
                liveIds.add(event.documentId());
                liveVersions.add(event.version());
                try {
                    snapshots.add(json.writeValueAsString(event.snapshot()));
                } catch (JsonProcessingException e) {
                    throw new SQLException("snapshot of " + event.documentId() + " cannot be written as JSON", e);
                }
            }
        }
        Statements sql = statements.computeIfAbsent(tables, t -> new Statements(
                UPSERT.formatted(t.view(), t.lexeme(), t.suggestion()), TOMBSTONE.formatted(t.view())));
        int changed = 0;
        if (!liveIds.isEmpty()) {
            try (PreparedStatement upsert = connection.prepareStatement(sql.upsert())) {
                upsert.setArray(1, connection.createArrayOf("uuid", liveIds.toArray()));
                upsert.setArray(2, connection.createArrayOf("int8", liveVersions.toArray()));
                upsert.setArray(3, connection.createArrayOf("text", snapshots.toArray()));
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    changed += rs.getInt(1);
                }
            }
        }
        if (!deletedIds.isEmpty()) {
            try (PreparedStatement tombstone = connection.prepareStatement(sql.tombstone())) {
                tombstone.setArray(1, connection.createArrayOf("uuid", deletedIds.toArray()));
                tombstone.setArray(2, connection.createArrayOf("int8", deletedVersions.toArray()));
                changed += tombstone.executeUpdate();
            }
        }
        return changed;
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
