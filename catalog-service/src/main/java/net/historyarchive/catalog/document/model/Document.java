package net.historyarchive.catalog.document.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import net.historyarchive.catalog.collection.model.Collection;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A catalog record of one historical document. Value objects that belong to the document alone
 * (texts, media) are JSON columns; lists of names are PostgreSQL arrays; collections are a real
 * relation because they are records of their own.
 *
 * <p>{@code version} is managed by the service under a row lock (not by {@code @Version}) so that
 * it starts at 1, is known before commit (for change events) and is compared with If-Match.
 */
@Entity
@Table(name = "document")
public class Document {

    @Id
    public UUID id;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(nullable = false)
    public String title;

    public String summary;

    @Embedded
    public PartialDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    public DocumentType documentType;

    @Column(nullable = false)
    public String[] languages = new String[0];

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DocumentText> texts = new ArrayList<>();

    @Embedded
    public Source source;

    @Embedded
    public Rights rights;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "document_collection",
            joinColumns = @JoinColumn(name = "document_id"),
            inverseJoinColumns = @JoinColumn(name = "collection_id"))
    public Set<Collection> collections = new LinkedHashSet<>();

    @Column(nullable = false)
    public String[] subjects = new String[0];

    @Column(nullable = false)
    public String[] people = new String[0];

    @Column(nullable = false)
    public String[] places = new String[0];

    @Column(nullable = false)
    public UUID[] related = new UUID[0];

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<MediaLink> media = new ArrayList<>();
}
