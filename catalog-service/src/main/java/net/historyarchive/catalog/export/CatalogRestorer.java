package net.historyarchive.catalog.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import net.historyarchive.catalog.collection.model.Collection;
import net.historyarchive.catalog.common.json.JsonErrorDescriber;
import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.common.problem.ProblemException;
import net.historyarchive.catalog.common.problem.ProblemType;
import net.historyarchive.catalog.common.validation.InputValidator;
import net.historyarchive.catalog.document.importing.ImportReport;
import net.historyarchive.catalog.document.importing.NdjsonLines;
import net.historyarchive.catalog.document.model.Document;
import net.historyarchive.catalog.document.service.DocumentMapper;
import net.historyarchive.catalog.document.service.DocumentRules;
import net.historyarchive.catalog.outbox.OutboxWriter;
import net.historyarchive.catalog.outbox.event.DocumentSnapshot;
import net.historyarchive.catalog.outbox.event.DocumentSnapshots;
import net.historyarchive.catalog.common.validation.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads an export ({@link ExportLine} NDJSON) into an empty catalog with every id, version and
 * timestamp kept, all or nothing: one transaction, rolled back when any line is invalid. Each
 * document passes the same rules as a create; references between documents are checked once
 * all are in (a document may relate to one later in the file). A "created" change event is
 * written for every document, so search-service builds its view of the restored catalog.
 */
public final class CatalogRestorer {

    private static final int BATCH_SIZE = 500;
    private static final int MAX_LINE_BYTES = 4 * 1024 * 1024;
    private static final int MAX_LISTED_ERRORS = 1000;
    private static final ObjectMapper COLUMN_JSON = JsonMapper.builder().build();

    private static final String INSERT_COLLECTION = """
            INSERT INTO collection (id, version, created_at, updated_at, name, description) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_DOCUMENT = """
            INSERT INTO document (id, version, created_at, updated_at, title, summary, date_display, date_start, date_end,
                date_precision, date_qualifier, document_type, languages, texts, source_repository, source_fond, source_opis,
                source_delo, source_folios, source_citation, rights_statement, rights_uri, rights_reuse, subjects, people,
                places, related, media)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (id) DO NOTHING""";
    private static final String INSERT_MEMBERSHIP = "INSERT INTO document_collection (document_id, collection_id) VALUES (?, ?)";
    private static final String INSERT_DELETION = "INSERT INTO document_deletion (id, version, deleted_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING";

    /** Relations are checked after the whole file is in; during the line checks any id passes. */
    private static final Set<UUID> ANY_DOCUMENT = new AbstractSet<>() {
        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public Iterator<UUID> iterator() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int size() {
            throw new UnsupportedOperationException();
        }
    };

    private final ObjectReader reader;
    private final ObjectMapper json;
    private final InputValidator validator;

    /** @param json the API's strict mapper (unknown fields and wrong types are errors) */
    public CatalogRestorer(ObjectMapper json, InputValidator validator) {
        this.reader = json.readerFor(ExportLine.class);
        this.json = json;
        this.validator = validator;
    }

    /** What a restore wrote. */
    public record Counts(long collections, long documents, long deletions) {
    }

    /**
     * @throws ProblemException 409 when the catalog is not empty; 422 (with the lines in
     *                          {@link Rejected}) when the file is invalid; nothing is written then
     */
    public Counts restore(Connection connection, InputStream body) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Run run = new Run(connection);
            run.readAll(body);
            if (!run.errors.isEmpty() || run.failed > 0) {
                connection.rollback();
                throw new Rejected(new ImportReport(null, run.lines, 0, run.failed, List.of(), run.errors, run.failed > run.errors.size()));
            }
            connection.commit();
            return new Counts(run.collections, run.documents, run.deletions);
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** An invalid export file: nothing was written; the report lists the bad lines. */
    public static final class Rejected extends RuntimeException {
        private final transient ImportReport report;

        Rejected(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }

        public ImportReport report() {
            return report;
        }
    }

    /** One restore: its statements, batches and counters. */
    private final class Run {
        final Connection c;
        final List<ImportReport.LineError> errors = new ArrayList<>();
        final Map<UUID, Collection> collectionsById = new HashMap<>();
        final Set<String> collectionNames = new HashSet<>();
        final List<DocumentSnapshot> created = new ArrayList<>(BATCH_SIZE);
        int lines;
        int failed;
        /** Lines of each type (all written when the restore commits). */
        long collections;
        long documents;
        long deletions;
        boolean started;
        ExportLine end;
        PreparedStatement insertDocument;
        PreparedStatement insertMembership;
        PreparedStatement insertDeletion;

        Run(Connection c) {
            this.c = c;
        }

        void readAll(InputStream body) throws SQLException, IOException {
            lockAndCheckEmpty();
            try (PreparedStatement documentStatement = c.prepareStatement(INSERT_DOCUMENT);
                 PreparedStatement membershipStatement = c.prepareStatement(INSERT_MEMBERSHIP);
                 PreparedStatement deletionStatement = c.prepareStatement(INSERT_DELETION)) {
                insertDocument = documentStatement;
                insertMembership = membershipStatement;
                insertDeletion = deletionStatement;
                NdjsonLines input = new NdjsonLines(body, MAX_LINE_BYTES);
                for (NdjsonLines.Line line = input.next(); line != null; line = input.next()) {
                    if (line.isBlank() && !line.tooLong()) {
                        continue;
                    }
                    lines++;
                    List<FieldError> lineErrors = new ArrayList<>();
                    ExportLine parsed = parse(line, lineErrors);
                    if (parsed != null) {
                        apply(parsed, lineErrors);
                    }
                    if (!lineErrors.isEmpty()) {
                        fail(line.number(), lineErrors);
                    }
                }
                flush();
            }
            if (lines == 0) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "The body is empty: send a catalog export");
            }
            if (end == null) {
                fail(lines, List.of(new FieldError("", "the export has no 'end' line: the file is incomplete")));
            } else if (end.collections() != collections || end.documents() != documents || end.deletions() != deletions) {
                fail(lines, List.of(new FieldError("", "the 'end' line counts " + end.collections() + " collections, "
                        + end.documents() + " documents and " + end.deletions() + " deletions, the file has "
                        + collections + ", " + documents + " and " + deletions)));
            }
            if (failed == 0) {
                checkWholeFile();
            }
        }

        private void lockAndCheckEmpty() throws SQLException {
            try (PreparedStatement s = c.prepareStatement("LOCK TABLE collection, document, document_deletion IN EXCLUSIVE MODE")) {
                s.execute();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT EXISTS (SELECT 1 FROM collection) OR EXISTS (SELECT 1 FROM document)
                        OR EXISTS (SELECT 1 FROM document_deletion)""");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new ProblemException(ProblemType.CONFLICT,
                            "The catalog is not empty: an export can only be restored into an empty catalog");
                }
            }
        }

        private ExportLine parse(NdjsonLines.Line line, List<FieldError> lineErrors) throws IOException {
            if (line.tooLong()) {
                lineErrors.add(new FieldError("", "line is longer than " + MAX_LINE_BYTES + " bytes"));
                return null;
            }
            try {
                return reader.readValue(line.bytes(), 0, line.length());
            } catch (JsonProcessingException e) {
                InvalidInputException problem = JsonErrorDescriber.describe(e);
                lineErrors.addAll(problem.errors().isEmpty() ? List.of(new FieldError("", problem.getMessage())) : problem.errors());
                return null;
            }
        }

        private void apply(ExportLine line, List<FieldError> errors) throws SQLException {
            if (end != null) {
                errors.add(new FieldError("type", "nothing may follow the 'end' line"));
                return;
            }
            if (!started && !"header".equals(line.type())) {
                errors.add(new FieldError("type", "the first line must be the export's header"));
            }
            switch (line.type() == null ? "" : line.type()) {
                case "header" -> header(line, errors);
                case "collection" -> {
                    collections++;
                    collection(line, errors);
                }
                case "document" -> {
                    documents++;
                    document(line, errors);
                }
                case "deletion" -> {
                    deletions++;
                    deletion(line, errors);
                }
                case "end" -> end = line;
                default -> errors.add(new FieldError("type", "must be header, collection, document, deletion or end"));
            }
        }

        private void header(ExportLine line, List<FieldError> errors) {
            if (started) {
                errors.add(new FieldError("type", "the header may only be the first line"));
            } else if (!ExportLine.FORMAT.equals(line.format()) || !Integer.valueOf(ExportLine.FORMAT_VERSION).equals(line.formatVersion())) {
                errors.add(new FieldError("format", "this catalog reads format " + ExportLine.FORMAT + " version " + ExportLine.FORMAT_VERSION));
            }
            started = true;
        }

        private void collection(ExportLine line, List<FieldError> errors) throws SQLException {
            requireRecordFields(line, line.createdAt(), line.updatedAt(), errors);
            if (line.collection() == null) {
                errors.add(new FieldError("collection", "is required"));
                return;
            }
            errors.addAll(prefixed("collection.", validator.errorsOf(line.collection())));
            if (line.id() != null && collectionsById.containsKey(line.id())) {
                errors.add(new FieldError("id", "collection " + line.id() + " appears twice"));
            }
            if (!collectionNames.add(line.collection().name() == null ? "" : line.collection().name().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("collection.name", "another collection has this name"));
            }
            if (!errors.isEmpty() || failed > 0) {
                return;
            }
            Collection collection = new Collection();
            collection.id = line.id();
            collection.version = line.version();
            collection.createdAt = line.createdAt();
            collection.updatedAt = line.updatedAt();
            collection.name = line.collection().name();
            collection.description = line.collection().description();
            try (PreparedStatement s = c.prepareStatement(INSERT_COLLECTION)) {
                s.setObject(1, collection.id);
                s.setLong(2, collection.version);
                s.setTimestamp(3, Timestamp.from(collection.createdAt));
                s.setTimestamp(4, Timestamp.from(collection.updatedAt));
                s.setString(5, collection.name);
                s.setString(6, collection.description);
                s.executeUpdate();
            }
            collectionsById.put(collection.id, collection);
        }

        private void document(ExportLine line, List<FieldError> errors) throws SQLException {
            requireRecordFields(line, line.createdAt(), line.updatedAt(), errors);
            if (line.document() == null) {
                errors.add(new FieldError("document", "is required"));
                return;
            }
            List<FieldError> inputErrors = validator.errorsOf(line.document());
            DocumentRules.Prepared prepared = inputErrors.isEmpty()
                    ? DocumentRules.prepare(line.document(), inputErrors, collectionsById, ANY_DOCUMENT, line.id()) : null;
            errors.addAll(prefixed("document.", inputErrors));
            if (!errors.isEmpty() || failed > 0) {
                return; // the restore will roll back; keep checking to report every bad line
            }
            Document d = new Document();
            d.id = line.id();
            d.version = line.version();
            d.createdAt = line.createdAt();
            d.updatedAt = line.updatedAt();
            DocumentMapper.apply(prepared.input(), prepared.date(), prepared.collections(), d);
            bindDocument(d);
            insertDocument.addBatch();
            for (Collection collection : d.collections) {
                insertMembership.setObject(1, d.id);
                insertMembership.setObject(2, collection.id);
                insertMembership.addBatch();
            }
            created.add(DocumentSnapshots.of(d));
            if (created.size() == BATCH_SIZE) {
                flush();
            }
        }

        private void deletion(ExportLine line, List<FieldError> errors) throws SQLException {
            if (line.id() == null) {
                errors.add(new FieldError("id", "is required"));
            }
            if (line.version() == null || line.version() < 1) {
                errors.add(new FieldError("version", "must be at least 1"));
            }
            if (line.deletedAt() == null) {
                errors.add(new FieldError("deletedAt", "is required"));
            }
            if (!errors.isEmpty() || failed > 0) {
                return;
            }
            insertDeletion.setObject(1, line.id());
            insertDeletion.setLong(2, line.version());
            insertDeletion.setTimestamp(3, Timestamp.from(line.deletedAt()));
            insertDeletion.addBatch();
        }

        private void requireRecordFields(ExportLine line, Instant createdAt, Instant updatedAt, List<FieldError> errors) {
            if (line.id() == null) {
                errors.add(new FieldError("id", "is required"));
            }
            if (line.version() == null || line.version() < 1) {
                errors.add(new FieldError("version", "must be at least 1"));
            }
            if (createdAt == null) {
                errors.add(new FieldError("createdAt", "is required"));
            }
            if (updatedAt == null) {
                errors.add(new FieldError("updatedAt", "is required"));
            }
        }

        private void bindDocument(Document d) throws SQLException {
            PreparedStatement s = insertDocument;
            s.setObject(1, d.id);
            s.setLong(2, d.version);
            s.setTimestamp(3, Timestamp.from(d.createdAt));
            s.setTimestamp(4, Timestamp.from(d.updatedAt));
            s.setString(5, d.title);
            s.setString(6, d.summary);
            boolean dated = d.date != null;
            s.setString(7, dated ? d.date.display : null);
            s.setObject(8, dated ? d.date.start : null, Types.DATE);
            s.setObject(9, dated ? d.date.end : null, Types.DATE);
            s.setString(10, dated && d.date.precision != null ? d.date.precision.name() : null);
            s.setString(11, dated && d.date.qualifier != null ? d.date.qualifier.name() : null);
            s.setString(12, d.documentType == null ? null : d.documentType.name());
            s.setArray(13, c.createArrayOf("text", d.languages));
            s.setString(14, columnJson(d.texts));
            boolean sourced = d.source != null;
            s.setString(15, sourced ? d.source.repository : null);
            s.setString(16, sourced ? d.source.fond : null);
            s.setString(17, sourced ? d.source.opis : null);
            s.setString(18, sourced ? d.source.delo : null);
            s.setString(19, sourced ? d.source.folios : null);
            s.setString(20, sourced ? d.source.citation : null);
            boolean righted = d.rights != null;
            s.setString(21, righted ? d.rights.statement : null);
            s.setString(22, righted ? d.rights.uri : null);
            s.setString(23, righted && d.rights.reuse != null ? d.rights.reuse.name() : null);
            s.setArray(24, c.createArrayOf("text", d.subjects));
            s.setArray(25, c.createArrayOf("text", d.people));
            s.setArray(26, c.createArrayOf("text", d.places));
            s.setArray(27, c.createArrayOf("uuid", d.related));
            s.setString(28, columnJson(d.media));
        }

        private void flush() throws SQLException {
            if (failed > 0) {
                created.clear();
                return;
            }
            insertDocument.executeBatch();
            insertMembership.executeBatch();
            insertDeletion.executeBatch();
            OutboxWriter.writeCreated(c, json, created);
            created.clear();
        }

        /** What can only be checked with every line in: duplicate ids and relations to documents not in the file. */
        private void checkWholeFile() throws SQLException {
            long stored = count("SELECT count(*) FROM document");
            if (stored != documents) {
                fail(lines, List.of(new FieldError("id", (documents - stored) + " document ids appear more than once")));
            }
            long storedDeletions = count("SELECT count(*) FROM document_deletion");
            if (storedDeletions != deletions) {
                fail(lines, List.of(new FieldError("id", (deletions - storedDeletions) + " deletion ids appear more than once")));
            }
            if (count("SELECT count(*) FROM document_deletion x JOIN document d ON d.id = x.id") > 0) {
                fail(lines, List.of(new FieldError("id", "a deletion has the id of a document in the file")));
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT d.id, r FROM document d CROSS JOIN LATERAL unnest(d.related) r
                    WHERE NOT EXISTS (SELECT 1 FROM document x WHERE x.id = r)
                      AND NOT EXISTS (SELECT 1 FROM document_deletion x WHERE x.id = r)
                    LIMIT 100""");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fail(lines, List.of(new FieldError("document.related", "document " + rs.getObject(1)
                            + " relates to " + rs.getObject(2) + ", which is not in the file")));
                }
            }
        }

        private long count(String sql) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private void fail(int line, List<FieldError> lineErrors) {
            failed++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(new ImportReport.LineError(line, lineErrors));
            }
        }
    }

    private static List<FieldError> prefixed(String prefix, List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(prefix + e.field(), e.message())).toList();
    }

    private static String columnJson(Object value) {
        try {
            return COLUMN_JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
