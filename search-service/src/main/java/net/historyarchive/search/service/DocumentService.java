package net.historyarchive.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.engine.RelatedSearch;
import net.historyarchive.search.engine.ViewReader;
import net.historyarchive.search.result.RelatedDocument;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Single documents as the search view holds them. */
@ApplicationScoped
public class DocumentService {

    private final ViewReader view;
    private final RelatedSearch related;

    public DocumentService(ViewReader view, RelatedSearch related) {
        this.view = view;
        this.related = related;
    }

    /** The snapshots of several documents, in the order asked, leaving out those not in the view. */
    public List<JsonNode> snapshots(List<UUID> ids) throws IOException {
        return view.snapshots(ids);
    }

    /** The documents related to one, strongest first, with their reasons; empty when it is not in the view. */
    public Optional<List<RelatedDocument>> related(UUID id, int size) throws IOException {
        return related.of(id, size);
    }

    /** The catalog's snapshot of the document, once searchable; empty when unknown, deleted or not applied yet. */
    public Optional<JsonNode> snapshot(UUID id) throws IOException {
        return view.snapshot(id);
    }
}
