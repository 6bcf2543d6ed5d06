package net.historyarchive.catalog.document.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

/**
 * A historical date as archives know it: text for display ("circa 1956"), and an inclusive
 * [start, end] interval widened to the precision, so that "September 1956" can be filtered and
 * sorted like any date. An undated document has a null PartialDate.
 */
@Embeddable
public class PartialDate {

    @Column(name = "date_display")
    public String display;

    @Column(name = "date_start")
    public LocalDate start;

    @Column(name = "date_end")
    public LocalDate end;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision")
    public DatePrecision precision;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_qualifier")
    public DateQualifier qualifier;

    public PartialDate() {
    }

    public PartialDate(String display, LocalDate start, LocalDate end, DatePrecision precision, DateQualifier qualifier) {
        this.display = display;
        this.start = start;
        this.end = end;
        this.precision = precision;
        this.qualifier = qualifier;
    }
}
