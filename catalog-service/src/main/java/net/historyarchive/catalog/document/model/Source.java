package net.historyarchive.catalog.document.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where the original is kept: the repository (archive) and the archival reference in the
 * fond / opis / delo / folios scheme of Russian and Soviet archives (record group, inventory,
 * file, sheets), plus a free citation for other schemes.
 */
@Embeddable
public class Source {

    @Column(name = "source_repository")
    public String repository;

    @Column(name = "source_fond")
    public String fond;

    @Column(name = "source_opis")
    public String opis;

    @Column(name = "source_delo")
    public String delo;

    @Column(name = "source_folios")
    public String folios;

    @Column(name = "source_citation")
    public String citation;

    /** True when no column is set: the document names no source. */
    public boolean isEmpty() {
        return repository == null && fond == null && opis == null && delo == null && folios == null && citation == null;
    }
}
