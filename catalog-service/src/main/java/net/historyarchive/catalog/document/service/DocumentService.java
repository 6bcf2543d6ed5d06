package net.historyarchive.catalog.document.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import net.historyarchive.catalog.collection.model.Collection;
import net.historyarchive.catalog.collection.repository.CollectionRepository;
import net.historyarchive.catalog.common.Cursors;
import net.historyarchive.catalog.common.Ids;
import net.historyarchive.catalog.common.Timestamps;
import net.historyarchive.catalog.common.domain.RecordNotFoundException;
import net.historyarchive.catalog.common.domain.VersionConflictException;
import net.historyarchive.catalog.common.json.JsonErrorDescriber;
import net.historyarchive.catalog.common.json.MergePatch;
import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.common.validation.InputValidator;
import net.historyarchive.catalog.document.api.DocumentInput;
import net.historyarchive.catalog.document.api.DocumentPage;
import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.model.Document;
import net.historyarchive.catalog.document.repository.DocumentRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creates, reads, changes and deletes documents. Every write runs in one transaction that locks
 * the row, checks the caller's expected version, applies the change and bumps the version, so
 * two writers based on the same version can never both succeed. Failures are domain exceptions
 * (RecordNotFoundException, VersionConflictException, InvalidInputException); the HTTP edge maps them.
 */
@ApplicationScoped
public class DocumentService {

    private final DocumentRepository documents;
    private final CollectionRepository collections;
    private final InputValidator validator;
    private final DocumentChangeListener changes;
    private final ObjectMapper json;

    public DocumentService(DocumentRepository documents, CollectionRepository collections, InputValidator validator,
                           DocumentChangeListener changes, ObjectMapper json) {
        this.documents = documents;
        this.collections = collections;
        this.validator = validator;
        this.changes = changes;
        this.json = json;
    }

    @Transactional
    public DocumentView create(DocumentInput input) {
        UUID id = Ids.newId();
        DocumentRules.Prepared prepared = prepare(input, id);
        Document document = new Document();
        document.id = id;
        document.version = 1;
        document.createdAt = Timestamps.now();
        document.updatedAt = document.createdAt;
        DocumentMapper.apply(prepared.input(), prepared.date(), prepared.collections(), document);
        documents.persist(document);
        changes.created(document);
        return DocumentMapper.toView(document);
    }

    @Transactional
    public DocumentView get(UUID id) {
        return DocumentMapper.toView(documents.findByIdOptional(id).orElseThrow(() -> new RecordNotFoundException("document", id)));
    }

    @Transactional
    public DocumentView replace(UUID id, Long expectedVersion, DocumentInput input) {
        Document document = lockedForWrite(id, expectedVersion);
        return update(document, prepare(input, id));
    }

    /** Applies an RFC 7396 JSON merge patch to the document's input form, then validates the result as a whole. */
    @Transactional
    public DocumentView patch(UUID id, Long expectedVersion, JsonNode mergePatch) {
        Document document = lockedForWrite(id, expectedVersion);
        JsonNode current = json.valueToTree(DocumentMapper.toInput(DocumentMapper.toView(document)));
        DocumentInput patched;
        try {
            patched = json.treeToValue(MergePatch.apply(current, mergePatch), DocumentInput.class);
        } catch (JsonProcessingException e) {
            throw JsonErrorDescriber.describe(e);
        }
        return update(document, prepare(patched, id));
    }

    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        Document document = lockedForWrite(id, expectedVersion);
        long deletedVersion = document.version + 1;
        documents.delete(document);
        Instant deletedAt = Timestamps.now();
        documents.recordDeletion(id, deletedVersion, deletedAt);
        changes.deleted(id, deletedVersion, deletedAt);
    }

    @Transactional
    public DocumentPage list(UUID collectionId, Instant updatedSince, String cursor, int limit) {
        List<Document> page = documents.page(collectionId, updatedSince, Cursors.decode(cursor), limit + 1);
        boolean more = page.size() > limit;
        List<DocumentView> items = page.stream().limit(limit).map(DocumentMapper::toView).toList();
        return new DocumentPage(items, more ? Cursors.encode(items.get(items.size() - 1).id()) : null);
    }

    private Document lockedForWrite(UUID id, Long expectedVersion) {
        Document document = documents.findForUpdate(id).orElseThrow(() -> new RecordNotFoundException("document", id));
        VersionConflictException.check(expectedVersion, document.version);
        return document;
    }

    private DocumentView update(Document document, DocumentRules.Prepared prepared) {
        DocumentMapper.apply(prepared.input(), prepared.date(), prepared.collections(), document);
        document.version++;
        document.updatedAt = Timestamps.now();
        documents.flush();
        changes.updated(document);
        return DocumentMapper.toView(document);
    }

    private DocumentRules.Prepared prepare(DocumentInput input, UUID self) {
        List<FieldError> errors = new java.util.ArrayList<>(validator.errorsOf(input));
        if (!errors.isEmpty()) {
            InputValidator.throwIfAny(errors);
        }
        Map<UUID, Collection> named = collections.withIds(input.collectionsOrEmpty()).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        DocumentRules.Prepared prepared = DocumentRules.prepare(input, errors, named,
                documents.existing(input.relatedOrEmpty()), self);
        InputValidator.throwIfAny(errors);
        return prepared;
    }
}
