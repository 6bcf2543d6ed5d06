package net.historyarchive.catalog.document.service;

import net.historyarchive.catalog.collection.model.Collection;
import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.document.api.DocumentInput;
import net.historyarchive.catalog.document.model.PartialDate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a document must satisfy beyond its field annotations: a coherent date, existing
 * collections and related documents. Shared by single writes and bulk import, which differ only
 * in how they look up what exists.
 */
public final class DocumentRules {

    private DocumentRules() {
    }

    /** A document input that passed every rule, with its date normalised and collections resolved. */
    public record Prepared(DocumentInput input, PartialDate date, List<Collection> collections) {
    }

    /**
     * @param collections the collections that exist, by id (at least those the input names)
     * @param existingDocuments ids of documents that exist (at least those the input relates to)
     * @param self the document's own id, which may not relate to itself
     */
    public static Prepared prepare(DocumentInput input, List<FieldError> errors,
                                   Map<UUID, Collection> collections, Set<UUID> existingDocuments, UUID self) {
        PartialDate date = PartialDates.normalise(input.date(), errors);
        List<Collection> resolved = new ArrayList<>();
        List<UUID> ids = input.collectionsOrEmpty();
        for (int i = 0; i < ids.size(); i++) {
            Collection collection = collections.get(ids.get(i));
            if (collection == null) {
                errors.add(new FieldError("collections[" + i + "]", "collection " + ids.get(i) + " does not exist"));
            } else if (!resolved.contains(collection)) {
                resolved.add(collection);
            }
        }
        List<UUID> related = input.relatedOrEmpty();
        for (int i = 0; i < related.size(); i++) {
            UUID id = related.get(i);
            if (id.equals(self)) {
                errors.add(new FieldError("related[" + i + "]", "a document cannot be related to itself"));
            } else if (!existingDocuments.contains(id)) {
                errors.add(new FieldError("related[" + i + "]", "document " + id + " does not exist"));
            }
        }
        return new Prepared(input, date, resolved);
    }
}
