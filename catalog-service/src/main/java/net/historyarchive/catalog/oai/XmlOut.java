package net.historyarchive.catalog.oai;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;

/**
 * A small layer over StAX: elements with text, skipping absent values, and text cleaned of the
 * few characters XML 1.0 cannot carry at all (the catalog already refuses control characters,
 * this is the last guard so that no record can make a response unparseable).
 */
final class XmlOut {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private final XMLStreamWriter xml;

    XmlOut() {
        try {
            xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut start(String prefix, String name, String namespace) {
        try {
            xml.writeStartElement(prefix, name, namespace);
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut namespace(String prefix, String uri) {
        try {
            if (prefix.isEmpty()) {
                xml.writeDefaultNamespace(uri);
            } else {
                xml.writeNamespace(prefix, uri);
            }
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut attribute(String name, String value) {
        try {
            if (value != null) {
                xml.writeAttribute(name, clean(value));
            }
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut attribute(String prefix, String namespace, String name, String value) {
        try {
            xml.writeAttribute(prefix, namespace, name, clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut text(String value) {
        try {
            xml.writeCharacters(clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut end() {
        try {
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** An element with text content; nothing at all when the value is null or empty. */
    XmlOut element(String prefix, String name, String namespace, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return this;
        }
        return start(prefix, name, namespace).text(value.toString()).end();
    }

    byte[] finish() {
        try {
            xml.writeEndDocument();
            xml.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Drops characters outside XML 1.0's Char production (controls, lone surrogates, U+FFFE/U+FFFF). */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(ch).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = ch == 0x9 || ch == 0xA || ch == 0xD || (ch >= 0x20 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD);
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (ok && out != null) {
                out.append(ch);
            }
        }
        return out == null ? text : out.toString();
    }

    private static UncheckedIOException failed(XMLStreamException e) {
        return new UncheckedIOException(new java.io.IOException(e));
    }
}
