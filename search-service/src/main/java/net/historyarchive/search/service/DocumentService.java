package net.historyarchive.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.engine.ViewReader;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/** Single documents as the search view holds them. */
@ApplicationScoped
public class DocumentService {

    private final ViewReader view;

    public DocumentService(ViewReader view) {
        this.view = view;
    }

    /** The catalog's snapshot of the document, once searchable; empty when unknown, deleted or not applied yet. */
    public Optional<JsonNode> snapshot(UUID id) throws IOException {
        return view.snapshot(id);
    }
}
