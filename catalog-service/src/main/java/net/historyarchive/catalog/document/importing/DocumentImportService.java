package net.historyarchive.catalog.document.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import net.historyarchive.catalog.collection.model.Collection;
import net.historyarchive.catalog.collection.repository.CollectionRepository;
import net.historyarchive.catalog.common.Ids;
import net.historyarchive.catalog.common.Timestamps;
import net.historyarchive.catalog.common.domain.LimitExceededException;
import net.historyarchive.catalog.common.json.JsonErrorDescriber;
import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.common.json.JsonTextBytes;
import net.historyarchive.catalog.common.validation.InputValidator;
import net.historyarchive.catalog.common.validation.InvalidInputException;
import net.historyarchive.catalog.document.api.DocumentInput;
import net.historyarchive.catalog.document.model.Document;
import net.historyarchive.catalog.document.repository.DocumentRepository;
import net.historyarchive.catalog.document.service.DocumentChangeListener;
import net.historyarchive.catalog.document.service.DocumentMapper;
import net.historyarchive.catalog.document.service.DocumentRules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads many documents from NDJSON, one JSON document per line, validated line by line with the
 * same rules as a single create. Lines are handled in batches: each batch is parsed, checked
 * against the database in two queries, and written with JDBC batching. In ATOMIC mode all
 * batches share one transaction that is rolled back if any line failed; in PER_LINE mode each
 * batch commits on its own and failed lines are skipped.
 */
@ApplicationScoped
public class DocumentImportService {

    static final int BATCH_SIZE = 500;
    static final int MAX_LINE_BYTES = 2 * 1024 * 1024;
    static final int MAX_LINES = 1_000_000;
    static final int MAX_LISTED_ERRORS = 1000;
    private static final int TRANSACTION_TIMEOUT_SECONDS = 3600;

    private final ObjectReader reader;
    private final InputValidator validator;
    private final CollectionRepository collections;
    private final DocumentRepository documents;
    private final DocumentChangeListener changes;
    private final EntityManager entityManager;

    public DocumentImportService(ObjectMapper json, InputValidator validator, CollectionRepository collections,
                                 DocumentRepository documents, DocumentChangeListener changes, EntityManager entityManager) {
        this.reader = json.readerFor(DocumentInput.class);
        this.validator = validator;
        this.collections = collections;
        this.documents = documents;
        this.changes = changes;
        this.entityManager = entityManager;
    }

    public ImportReport importNdjson(InputStream body, ImportMode mode) {
        Run run = new Run(mode);
        if (mode == ImportMode.ATOMIC) {
            try {
                QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).run(() -> {
                    readAll(body, run);
                    if (run.failed > 0) {
                        // The runner rolls back on an exception (it would try to commit a rollback-only transaction).
                        throw new InvalidLines();
                    }
                });
            } catch (InvalidLines expected) {
                // Rolled back: nothing was written; the report lists the invalid lines.
            }
        } else {
            readAll(body, run);
        }
        if (run.lines == 0) {
            throw InvalidInputException.of("The body has no documents: send one JSON document per line", List.of());
        }
        boolean rolledBack = mode == ImportMode.ATOMIC && run.failed > 0;
        return new ImportReport(mode, run.lines, rolledBack ? 0 : run.ids.size(), run.failed,
                rolledBack ? List.of() : run.ids, run.errors, run.failed > run.errors.size());
    }

    private void readAll(InputStream body, Run run) {
        NdjsonLines lines = new NdjsonLines(body, MAX_LINE_BYTES);
        List<Parsed> batch = new ArrayList<>(BATCH_SIZE);
        try {
            for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank() && !line.tooLong()) {
                    continue;
                }
                if (++run.lines > MAX_LINES) {
                    throw new LimitExceededException("An import may hold at most " + MAX_LINES + " documents; split the file");
                }
                // Failed lines join the batch too, so that errors are reported in line order.
                batch.add(parse(line));
                if (batch.size() == BATCH_SIZE) {
                    writeBatch(batch, run);
                    batch = new ArrayList<>(BATCH_SIZE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!batch.isEmpty()) {
            writeBatch(batch, run);
        }
    }

    private Parsed parse(NdjsonLines.Line line) {
        if (line.tooLong()) {
            return Parsed.failed(line.number(), List.of(new FieldError("", "line is longer than " + MAX_LINE_BYTES + " bytes")));
        }
        DocumentInput input;
        try {
            JsonTextBytes.check(line.bytes(), 0, line.length());
        } catch (JsonTextBytes.Malformed e) {
            return Parsed.failed(line.number(), List.of(new FieldError("", "not JSON text: " + e.getMessage())));
        }
        try {
            input = reader.readValue(line.bytes(), 0, line.length());
        } catch (JsonProcessingException e) {
            InvalidInputException invalid = JsonErrorDescriber.describe(e);
            return Parsed.failed(line.number(), invalid.errors().isEmpty()
                    ? List.of(new FieldError("", invalid.getMessage())) : invalid.errors());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FieldError> errors = validator.errorsOf(input);
        return errors.isEmpty() ? new Parsed(line.number(), input, List.of()) : Parsed.failed(line.number(), errors);
    }

    private void writeBatch(List<Parsed> batch, Run run) {
        if (run.mode == ImportMode.ATOMIC) {
            checkAndPersist(batch, run);
        } else {
            QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).run(() -> checkAndPersist(batch, run));
        }
    }

    /** Checks the batch's references with two queries, then persists the lines that pass. */
    private void checkAndPersist(List<Parsed> batch, Run run) {
        Set<UUID> collectionIds = new HashSet<>();
        Set<UUID> relatedIds = new HashSet<>();
        batch.stream().filter(p -> p.input != null).forEach(p -> {
            collectionIds.addAll(p.input.collectionsOrEmpty());
            relatedIds.addAll(p.input.relatedOrEmpty());
        });
        Map<UUID, Collection> known = collections.withIds(collectionIds).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Set<UUID> existing = documents.existing(relatedIds);
        Instant now = Timestamps.now();
        List<Document> created = new ArrayList<>(batch.size());
        for (Parsed parsed : batch) {
            if (parsed.input == null) {
                run.fail(parsed.line, parsed.errors);
                continue;
            }
            List<FieldError> errors = new ArrayList<>();
            UUID id = Ids.newId();
            DocumentRules.Prepared prepared = DocumentRules.prepare(parsed.input, errors, known, existing, id);
            if (!errors.isEmpty()) {
                run.fail(parsed.line, errors);
                continue;
            }
            if (run.mode == ImportMode.ATOMIC && run.failed > 0) {
                continue; // the transaction will roll back; keep validating to report every bad line
            }
            Document document = new Document();
            document.id = id;
            document.version = 1;
            document.createdAt = now;
            document.updatedAt = now;
            DocumentMapper.apply(prepared.input(), prepared.date(), prepared.collections(), document);
            entityManager.persist(document);
            created.add(document);
            run.ids.add(id);
        }
        entityManager.flush();
        changes.createdAll(created);
        entityManager.clear();
    }

    /** Ends an ATOMIC import's transaction with a rollback once every line has been checked. */
    private static final class InvalidLines extends RuntimeException {
        InvalidLines() {
            super(null, null, false, false);
        }
    }

    private record Parsed(int line, DocumentInput input, List<FieldError> errors) {
        static Parsed failed(int line, List<FieldError> errors) {
            return new Parsed(line, null, errors);
        }
    }

    /** Counters of one import request. */
    private static final class Run {
        final ImportMode mode;
        final List<UUID> ids = new ArrayList<>();
        final List<ImportReport.LineError> errors = new ArrayList<>();
        int lines;
        int failed;

        Run(ImportMode mode) {
            this.mode = mode;
        }

        void fail(int line, List<FieldError> fieldErrors) {
            failed++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(new ImportReport.LineError(line, fieldErrors));
            }
        }
    }
}
