package net.historyarchive.catalog.outbox.event;

import net.historyarchive.catalog.document.model.Document;
import net.historyarchive.catalog.document.model.PartialDate;

import java.util.Comparator;
import java.util.List;

/** Maps the document entity to the snapshot its change events carry. Pure functions, no persistence. */
public final class DocumentSnapshots {

    private DocumentSnapshots() {
    }

    public static DocumentSnapshot of(Document d) {
        return new DocumentSnapshot(d.id, d.version, d.createdAt, d.updatedAt, d.title, d.summary,
                date(d.date),
                d.documentType,
                List.of(d.languages),
                d.texts.stream().map(t -> new DocumentSnapshot.Text(t.kind(), t.language(), t.body(), t.translators())).toList(),
                source(d.source),
                rights(d.rights),
                d.collections.stream()
                        .sorted(Comparator.comparing(c -> c.name))
                        .map(c -> new DocumentSnapshot.CollectionRef(c.id, c.name)).toList(),
                List.of(d.subjects), List.of(d.people), List.of(d.places), List.of(d.related),
                d.media.stream().map(m -> new DocumentSnapshot.Media(m.uri(), m.mediaType(), m.caption())).toList());
    }

    private static DocumentSnapshot.Date date(PartialDate date) {
        return date == null || date.precision == null ? null
                : new DocumentSnapshot.Date(date.display, date.start, date.end, date.precision, date.qualifier);
    }

    /** An embedded value whose columns are all null is no value. */
    private static DocumentSnapshot.Source source(net.historyarchive.catalog.document.model.Source s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return new DocumentSnapshot.Source(s.repository, s.fond, s.opis, s.delo, s.folios, s.citation);
    }

    private static DocumentSnapshot.Rights rights(net.historyarchive.catalog.document.model.Rights r) {
        if (r == null || r.isEmpty()) {
            return null;
        }
        return new DocumentSnapshot.Rights(r.statement, r.uri, r.reuse);
    }
}
