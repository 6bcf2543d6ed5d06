package net.historyarchive.catalog.document.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The rights statement under which the document may be read and reused. */
@Embeddable
public class Rights {

    @Column(name = "rights_statement")
    public String statement;

    @Column(name = "rights_uri")
    public String uri;

    @Enumerated(EnumType.STRING)
    @Column(name = "rights_reuse")
    public ReuseCategory reuse;

    /** True when no column is set: the document states no rights. */
    public boolean isEmpty() {
        return statement == null && uri == null && reuse == null;
    }
}
