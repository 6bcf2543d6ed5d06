package net.historyarchive.catalog.collection.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A named grouping of documents, such as an archive's thematic collection. */
@Entity
@Table(name = "collection")
public class Collection {

    @Id
    public UUID id;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(nullable = false, unique = true)
    public String name;

    public String description;
}
