package net.historyarchive.catalog.oai;

import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.api.MediaInput;
import net.historyarchive.catalog.document.api.TextInput;

import java.util.List;

/**
 * The native format ("archive"): every field of the catalog record, so an aggregator that
 * understands it loses nothing that Dublin Core flattens (the date's precision, the archival
 * reference's parts, the texts themselves). Its schema is archive-record-1.xsd, served next to
 * the provider.
 */
final class NativeRecordWriter {

    static final String NAMESPACE = "urn:historyarchive:catalog:record:1";
    static final String SCHEMA_PATH = "/archive-record-1.xsd";
    private static final String P = "ar";

    private NativeRecordWriter() {
    }

    static void write(XmlOut xml, DocumentView d, String baseUrl) {
        xml.start(P, "record", NAMESPACE).namespace(P, NAMESPACE).namespace("xsi", DublinCoreWriter.XSI)
                .attribute("xsi", DublinCoreWriter.XSI, "schemaLocation", NAMESPACE + " " + baseUrl + SCHEMA_PATH);
        el(xml, "id", d.id());
        el(xml, "version", d.version());
        el(xml, "createdAt", d.createdAt());
        el(xml, "updatedAt", d.updatedAt());
        el(xml, "title", d.title());
        el(xml, "summary", d.summary());
        if (d.date() != null) {
            xml.start(P, "date", NAMESPACE);
            el(xml, "display", d.date().display());
            el(xml, "start", d.date().start());
            el(xml, "end", d.date().end());
            el(xml, "precision", d.date().precision());
            el(xml, "qualifier", d.date().qualifier());
            xml.end();
        }
        el(xml, "documentType", d.documentType());
        d.languages().forEach(language -> el(xml, "language", language));
        for (TextInput text : d.texts()) {
            xml.start(P, "text", NAMESPACE).attribute("kind", text.kind().name()).attribute("language", text.language());
            list(xml, "translator", text.translators());
            el(xml, "body", text.body());
            xml.end();
        }
        if (d.source() != null) {
            xml.start(P, "source", NAMESPACE);
            el(xml, "repository", d.source().repository());
            el(xml, "fond", d.source().fond());
            el(xml, "opis", d.source().opis());
            el(xml, "delo", d.source().delo());
            el(xml, "folios", d.source().folios());
            el(xml, "citation", d.source().citation());
            xml.end();
        }
        if (d.rights() != null) {
            xml.start(P, "rights", NAMESPACE);
            el(xml, "statement", d.rights().statement());
            el(xml, "uri", d.rights().uri());
            el(xml, "reuse", d.rights().reuse());
            xml.end();
        }
        for (DocumentView.CollectionRef collection : d.collections()) {
            xml.start(P, "collection", NAMESPACE).attribute("id", collection.id().toString()).text(collection.name()).end();
        }
        list(xml, "subject", d.subjects());
        list(xml, "person", d.people());
        list(xml, "place", d.places());
        d.related().forEach(id -> el(xml, "related", id));
        for (MediaInput media : d.media()) {
            xml.start(P, "media", NAMESPACE);
            el(xml, "uri", media.uri());
            el(xml, "mediaType", media.mediaType());
            el(xml, "caption", media.caption());
            xml.end();
        }
        xml.end();
    }

    private static void list(XmlOut xml, String name, List<String> values) {
        if (values != null) {
            values.forEach(value -> el(xml, name, value));
        }
    }

    private static void el(XmlOut xml, String name, Object value) {
        xml.element(P, name, NAMESPACE, value);
    }
}
