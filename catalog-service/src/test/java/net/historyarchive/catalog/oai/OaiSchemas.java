package net.historyarchive.catalog.oai;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Validates OAI-PMH responses against the official OAI-PMH 2.0 and oai_dc schemas and the native
 * format's schema, strictly (the metadata inside a record is checked too). The schemas are local
 * copies (see src/test/resources/oai-schemas/PROVENANCE.md), found by file name in place of the
 * URLs they are imported from; nothing is fetched from the network.
 */
final class OaiSchemas {

    private static final Schema SCHEMA = load();

    private OaiSchemas() {
    }

    /** @throws AssertionError naming the first violation */
    static void validate(String xml) {
        try {
            Validator validator = SCHEMA.newValidator();
            validator.setResourceResolver(OaiSchemas::resolve);
            validator.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (SAXException e) {
            throw new AssertionError("Response does not validate: " + e.getMessage() + "\n" + xml, e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setResourceResolver(OaiSchemas::resolve);
            return factory.newSchema(new StreamSource[]{
                    source("/oai-schemas/OAI-PMH.xsd"), source("/oai-schemas/oai_dc.xsd"), source("/oai/archive-record-1.xsd")});
        } catch (SAXException e) {
            throw new IllegalStateException("The OAI-PMH schemas do not load", e);
        }
    }

    private static StreamSource source(String resource) {
        URL url = OaiSchemas.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Missing schema " + resource);
        }
        return new StreamSource(url.toExternalForm());
    }

    private static LSInput resolve(String type, String namespace, String publicId, String systemId, String baseUri) {
        if (systemId == null) {
            return null;
        }
        String name = systemId.substring(systemId.lastIndexOf('/') + 1);
        String resource = name.equals("archive-record-1.xsd") ? "/oai/" + name : "/oai-schemas/" + name;
        URL url = OaiSchemas.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("No local copy of schema " + systemId);
        }
        return new LocalInput(url.toExternalForm(), publicId);
    }

    /** A schema document from the test class path. */
    private record LocalInput(String systemId, String publicId) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() {
            try {
                return new URL(systemId).openStream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
