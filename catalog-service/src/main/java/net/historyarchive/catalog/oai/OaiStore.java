package net.historyarchive.catalog.oai;

import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.repository.DocumentRows;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The OAI-PMH provider's reads, plain JDBC on the request's connection. */
final class OaiStore {

    /** One harvestable item: a document or the tombstone of a deleted one. */
    record Item(UUID id, Instant datestamp, boolean deleted, List<UUID> sets) {
    }

    /** A collection offered as a set. */
    record SetRow(UUID id, String name, String description) {
    }

    /**
     * The items of a list: datestamp in [from, untilExclusive), or changed after the list's
     * horizon (so a record that changes while the list is read is still delivered, in id order
     * exactly once), optionally in one set.
     */
    private static final String LIST_FILTER = """
            WHERE datestamp >= ? AND (datestamp < ? OR datestamp > ?) AND (?::uuid IS NULL OR sets @> ARRAY[?::uuid])""";

    private OaiStore() {
    }

    static Instant earliestDatestamp(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT min(datestamp) FROM oai_item"); ResultSet rs = s.executeQuery()) {
            rs.next();
            OffsetDateTime earliest = rs.getObject(1, OffsetDateTime.class);
            return earliest == null ? null : earliest.toInstant();
        }
    }

    static long count(Connection c, ResumptionToken list) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM oai_item " + LIST_FILTER)) {
            bindFilter(s, list);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Up to {@code limit} items of the list after {@code list.lastId()}, in id order. */
    static List<Item> page(Connection c, ResumptionToken list, int limit) throws SQLException {
        String sql = "SELECT id, datestamp, deleted, sets FROM oai_item " + LIST_FILTER + " AND id > ? ORDER BY id LIMIT ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int next = bindFilter(s, list);
            s.setObject(next, list.lastId());
            s.setInt(next + 1, limit);
            return items(s);
        }
    }

    static Item item(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, datestamp, deleted, sets FROM oai_item WHERE id = ?")) {
            s.setObject(1, id);
            List<Item> items = items(s);
            return items.isEmpty() ? null : items.get(0);
        }
    }

    /** The documents with these ids that exist, by id. */
    static Map<UUID, DocumentView> documents(Connection c, List<UUID> ids) throws SQLException {
        Map<UUID, DocumentView> documents = new HashMap<>();
        if (ids.isEmpty()) {
            return documents;
        }
        try (PreparedStatement s = c.prepareStatement(DocumentRows.SELECT + " WHERE d.id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DocumentView document = DocumentRows.read(rs);
                    documents.put(document.id(), document);
                }
            }
        }
        return documents;
    }

    /** Up to {@code limit} collections after {@code afterId}, in id order. */
    static List<SetRow> sets(Connection c, UUID afterId, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, name, description FROM collection WHERE id > ? ORDER BY id LIMIT ?")) {
            s.setObject(1, afterId);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<SetRow> sets = new ArrayList<>();
                while (rs.next()) {
                    sets.add(new SetRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
                }
                return sets;
            }
        }
    }

    static long setCount(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM collection"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int bindFilter(PreparedStatement s, ResumptionToken list) throws SQLException {
        s.setObject(1, list.from().atOffset(ZoneOffset.UTC));
        s.setObject(2, list.untilExclusive().atOffset(ZoneOffset.UTC));
        s.setObject(3, list.horizon().atOffset(ZoneOffset.UTC));
        s.setObject(4, list.set());
        s.setObject(5, list.set());
        return 6;
    }

    private static List<Item> items(PreparedStatement s) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Array sets = rs.getArray(4);
                items.add(new Item(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(3), List.of((UUID[]) sets.getArray())));
            }
        }
        return items;
    }
}
