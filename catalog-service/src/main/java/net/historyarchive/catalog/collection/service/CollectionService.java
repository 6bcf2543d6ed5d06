package net.historyarchive.catalog.collection.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import net.historyarchive.catalog.collection.api.CollectionInput;
import net.historyarchive.catalog.collection.api.CollectionPage;
import net.historyarchive.catalog.collection.api.CollectionView;
import net.historyarchive.catalog.collection.model.Collection;
import net.historyarchive.catalog.collection.repository.CollectionRepository;
import net.historyarchive.catalog.common.Cursors;
import net.historyarchive.catalog.common.Ids;
import net.historyarchive.catalog.common.Timestamps;
import net.historyarchive.catalog.common.domain.RecordConflictException;
import net.historyarchive.catalog.common.domain.RecordNotFoundException;
import net.historyarchive.catalog.common.domain.VersionConflictException;
import net.historyarchive.catalog.common.json.JsonErrorDescriber;
import net.historyarchive.catalog.common.json.MergePatch;
import net.historyarchive.catalog.common.validation.InputValidator;
import net.historyarchive.catalog.document.repository.DocumentRepository;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;
import java.util.UUID;

/** Collections: named groups of documents. Same concurrency rules as documents. */
@ApplicationScoped
public class CollectionService {

    private static final String UNIQUE_NAME_INDEX = "collection_name_key";

    private final CollectionRepository collections;
    private final DocumentRepository documents;
    private final InputValidator validator;
    private final CollectionChangeListener changes;
    private final ObjectMapper json;

    public CollectionService(CollectionRepository collections, DocumentRepository documents, InputValidator validator,
                             CollectionChangeListener changes, ObjectMapper json) {
        this.collections = collections;
        this.documents = documents;
        this.validator = validator;
        this.changes = changes;
        this.json = json;
    }

    @Transactional
    public CollectionView create(CollectionInput input) {
        InputValidator.throwIfAny(validator.errorsOf(input));
        requireUniqueName(input.name(), null);
        Collection collection = new Collection();
        collection.id = Ids.newId();
        collection.version = 1;
        collection.createdAt = Timestamps.now();
        collection.updatedAt = collection.createdAt;
        collection.name = input.name();
        collection.description = input.description();
        collections.persist(collection);
        flushUniqueName(collection.name);
        return view(collection, 0);
    }

    @Transactional
    public CollectionView get(UUID id) {
        Collection collection = collections.findByIdOptional(id).orElseThrow(() -> new RecordNotFoundException("collection", id));
        return view(collection, documents.countInCollection(id));
    }

    @Transactional
    public CollectionView replace(UUID id, Long expectedVersion, CollectionInput input) {
        Collection collection = lockedForWrite(id, expectedVersion);
        return update(collection, input);
    }

    @Transactional
    public CollectionView patch(UUID id, Long expectedVersion, JsonNode mergePatch) {
        Collection collection = lockedForWrite(id, expectedVersion);
        JsonNode current = json.valueToTree(new CollectionInput(collection.name, collection.description));
        try {
            return update(collection, json.treeToValue(MergePatch.apply(current, mergePatch), CollectionInput.class));
        } catch (JsonProcessingException e) {
            throw JsonErrorDescriber.describe(e);
        }
    }

    /** A collection that still has documents cannot be deleted: that would silently change those records. */
    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        Collection collection = lockedForWrite(id, expectedVersion);
        long members = documents.countInCollection(id);
        if (members > 0) {
            throw new RecordConflictException("Collection " + id + " still has " + members
                    + " document(s); remove them from the collection first");
        }
        collections.delete(collection);
    }

    @Transactional
    public CollectionPage list(String cursor, int limit) {
        List<Collection> page = collections.page(Cursors.decode(cursor), limit + 1);
        boolean more = page.size() > limit;
        List<CollectionView> items = page.stream().limit(limit)
                .map(c -> view(c, documents.countInCollection(c.id))).toList();
        return new CollectionPage(items, more ? Cursors.encode(items.get(items.size() - 1).id()) : null);
    }

    private Collection lockedForWrite(UUID id, Long expectedVersion) {
        Collection collection = collections.findForUpdate(id).orElseThrow(() -> new RecordNotFoundException("collection", id));
        VersionConflictException.check(expectedVersion, collection.version);
        return collection;
    }

    private CollectionView update(Collection collection, CollectionInput input) {
        InputValidator.throwIfAny(validator.errorsOf(input));
        requireUniqueName(input.name(), collection.id);
        boolean renamed = !collection.name.equals(input.name());
        collection.name = input.name();
        collection.description = input.description();
        collection.version++;
        collection.updatedAt = Timestamps.now();
        flushUniqueName(collection.name);
        if (renamed) {
            changes.renamed(collection);
        }
        return view(collection, documents.countInCollection(collection.id));
    }

    private void requireUniqueName(String name, UUID self) {
        collections.findByName(name).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new RecordConflictException("A collection named '" + other.name
                    + "' already exists: " + other.id);
        });
    }

    /**
     * The unique index settles what {@link #requireUniqueName} cannot see: a concurrent request that
     * creates or renames a collection to the same name and commits first.
     */
    private void flushUniqueName(String name) {
        try {
            collections.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException violation
                        && UNIQUE_NAME_INDEX.equalsIgnoreCase(violation.getConstraintName())) {
                    throw new RecordConflictException("A collection named '" + name + "' already exists");
                }
            }
            throw e;
        }
    }

    private static CollectionView view(Collection c, long documentCount) {
        return new CollectionView(c.id, c.version, c.createdAt, c.updatedAt, c.name, c.description, documentCount);
    }
}
