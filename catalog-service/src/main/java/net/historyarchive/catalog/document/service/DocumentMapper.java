package net.historyarchive.catalog.document.service;

import net.historyarchive.catalog.collection.model.Collection;
import net.historyarchive.catalog.document.api.DocumentInput;
import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.api.MediaInput;
import net.historyarchive.catalog.document.api.PartialDateInput;
import net.historyarchive.catalog.document.api.RightsInput;
import net.historyarchive.catalog.document.api.SourceInput;
import net.historyarchive.catalog.document.api.TextInput;
import net.historyarchive.catalog.document.model.Document;
import net.historyarchive.catalog.document.model.DatePrecision;
import net.historyarchive.catalog.document.model.DocumentText;
import net.historyarchive.catalog.document.model.MediaLink;
import net.historyarchive.catalog.document.model.PartialDate;
import net.historyarchive.catalog.document.model.Rights;
import net.historyarchive.catalog.document.model.Source;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Copies between the API records and the entity. Pure functions, no persistence. */
public final class DocumentMapper {

    private DocumentMapper() {
    }

    /** Writes every field of {@code input} into {@code document} (a full replace). */
    public static void apply(DocumentInput input, PartialDate date, List<Collection> collections, Document document) {
        document.title = input.title();
        document.summary = input.summary();
        document.date = date;
        document.documentType = input.documentType();
        document.languages = distinct(input.languagesOrEmpty()).toArray(String[]::new);
        document.texts = input.texts() == null ? List.of() : input.texts().stream()
                .map(t -> new DocumentText(t.kind(), t.language(), t.body(), t.translators() == null ? List.of() : t.translators()))
                .toList();
        document.source = toSource(input.source());
        document.rights = toRights(input.rights());
        document.collections.clear();
        document.collections.addAll(collections);
        document.subjects = array(input.subjects());
        document.people = array(input.people());
        document.places = array(input.places());
        document.related = distinct(input.relatedOrEmpty()).toArray(UUID[]::new);
        document.media = input.media() == null ? List.of() : input.media().stream()
                .map(m -> new MediaLink(m.uri(), m.mediaType(), m.caption())).toList();
    }

    public static DocumentView toView(Document d) {
        return new DocumentView(d.id, d.version, d.createdAt, d.updatedAt, d.title, d.summary,
                d.date == null || d.date.precision == null ? null
                        : new DocumentView.DateView(d.date.display, d.date.start, d.date.end, d.date.precision, d.date.qualifier),
                d.documentType,
                List.of(d.languages),
                d.texts.stream().map(t -> new TextInput(t.kind(), t.language(), t.body(), t.translators())).toList(),
                sourceInput(d.source),
                rightsInput(d.rights),
                d.collections.stream()
                        .sorted(Comparator.comparing(c -> c.name))
                        .map(c -> new DocumentView.CollectionRef(c.id, c.name)).toList(),
                List.of(d.subjects), List.of(d.people), List.of(d.places), List.of(d.related),
                d.media.stream().map(m -> new MediaInput(m.uri(), m.mediaType(), m.caption())).toList());
    }

    /** The document as an input, the base a JSON merge patch is applied to. */
    public static DocumentInput toInput(DocumentView v) {
        return new DocumentInput(v.title(), v.summary(),
                dateInput(v.date()),
                v.documentType(), v.languages(), v.texts(), v.source(), v.rights(),
                v.collections().stream().map(DocumentView.CollectionRef::id).toList(),
                v.subjects(), v.people(), v.places(), v.related(), v.media());
    }

    /**
     * Leaves out what the service derives (a generated display, the end of a widened period), so
     * that patching only the precision or start re-derives them instead of keeping stale values.
     */
    public static PartialDateInput dateInput(DocumentView.DateView d) {
        if (d == null) {
            return null;
        }
        String generated = d.start() == null ? null : PartialDates.display(d.start(), d.end(), d.precision(), d.qualifier());
        return new PartialDateInput(d.display().equals(generated) ? null : d.display(), d.start(),
                d.precision() == DatePrecision.RANGE ? d.end() : null, d.precision(), d.qualifier());
    }

    private static Source toSource(SourceInput in) {
        if (in == null) {
            return null;
        }
        Source s = new Source();
        s.repository = in.repository();
        s.fond = in.fond();
        s.opis = in.opis();
        s.delo = in.delo();
        s.folios = in.folios();
        s.citation = in.citation();
        return s;
    }

    private static SourceInput sourceInput(Source s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return new SourceInput(s.repository, s.fond, s.opis, s.delo, s.folios, s.citation);
    }

    private static Rights toRights(RightsInput in) {
        if (in == null) {
            return null;
        }
        Rights r = new Rights();
        r.statement = in.statement();
        r.uri = in.uri();
        r.reuse = in.reuse();
        return r;
    }

    private static RightsInput rightsInput(Rights r) {
        if (r == null || r.isEmpty()) {
            return null;
        }
        return new RightsInput(r.statement, r.uri, r.reuse);
    }

    private static String[] array(List<String> values) {
        return distinct(values == null ? List.of() : values).toArray(String[]::new);
    }

    /** Keeps the archivist's order, drops exact duplicates. */
    private static <T> List<T> distinct(List<T> values) {
        return values.stream().distinct().toList();
    }
}
