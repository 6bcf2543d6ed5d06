package net.historyarchive.catalog.oai;

import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.api.SourceInput;
import net.historyarchive.catalog.document.model.DatePrecision;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The archival record as unqualified Dublin Core (oai_dc). The mapping is documented in the
 * README's harvesting section; keep both in step.
 */
final class DublinCoreWriter {

    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private DublinCoreWriter() {
    }

    /** @param documentUrl the prefix of a document's public URL (followed by its id) */
    static void write(XmlOut xml, DublinCoreRecord d, String documentUrl) {
        xml.start("oai_dc", "dc", OAI_DC).namespace("oai_dc", OAI_DC).namespace("dc", DC).namespace("xsi", XSI)
                .attribute("xsi", XSI, "schemaLocation", OAI_DC + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
        dc(xml, "title", d.title());
        dc(xml, "description", d.summary());
        if (d.date() != null) {
            dc(xml, "date", d.date().display());
            dc(xml, "date", isoDate(d.date()));
        }
        if (d.documentType() != null) {
            String name = d.documentType().replace('_', ' ').toLowerCase(Locale.ROOT);
            dc(xml, "type", Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        dc(xml, "type", "Text"); // DCMI Type Vocabulary: every record describes a textual document
        d.languages().forEach(language -> dc(xml, "language", language));
        d.people().forEach(person -> dc(xml, "subject", person));
        d.subjects().forEach(subject -> dc(xml, "subject", subject));
        d.places().forEach(place -> dc(xml, "coverage", place));
        d.translators().forEach(translator -> dc(xml, "contributor", translator));
        if (d.source() != null) {
            dc(xml, "source", reference(d.source()));
            dc(xml, "source", d.source().citation());
        }
        dc(xml, "rights", d.rightsStatement());
        dc(xml, "rights", d.rightsUri());
        d.mediaTypes().forEach(type -> dc(xml, "format", type));
        dc(xml, "identifier", documentUrl + d.id());
        for (UUID related : d.related()) {
            dc(xml, "relation", documentUrl + related);
        }
        xml.end();
    }

    /** W3CDTF for a day, an ISO 8601 interval for a wider period; nothing for an unknown date. */
    private static String isoDate(DocumentView.DateView date) {
        if (date.start() == null) {
            return null;
        }
        return date.precision() == DatePrecision.DAY || date.start().equals(date.end())
                ? date.start().toString() : date.start() + "/" + date.end();
    }

    /** "AVPRF, fond 0102, opis 12, delo 6, folios 1-18": the repository and the archival reference. */
    private static String reference(SourceInput s) {
        StringJoiner joiner = new StringJoiner(", ");
        if (s.repository() != null) {
            joiner.add(s.repository());
        }
        if (s.fond() != null) {
            joiner.add("fond " + s.fond());
        }
        if (s.opis() != null) {
            joiner.add("opis " + s.opis());
        }
        if (s.delo() != null) {
            joiner.add("delo " + s.delo());
        }
        if (s.folios() != null) {
            joiner.add("folios " + s.folios());
        }
        return joiner.toString();
    }

    private static void dc(XmlOut xml, String element, String value) {
        xml.element("dc", element, DC, value);
    }
}
