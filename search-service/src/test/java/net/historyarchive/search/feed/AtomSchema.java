package net.historyarchive.search.feed;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 4287's own schema (Appendix B, {@code schema/atom/atom.rnc}) as a validator: Jing checks the
 * RELAX NG grammar, and the grammar's two Schematron rules, which RELAX NG validators skip as
 * annotations, are read from the same file and evaluated as XPath. Lists every violation with its
 * line and column, so a failing test says what is wrong.
 */
final class AtomSchema {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final URL SCHEMA = Objects.requireNonNull(AtomSchema.class.getResource("/schema/atom/atom.rnc"));
    private static final String LITERALS = "\"[^\"]*\"(?:\\s*~\\s*\"[^\"]*\")*";
    /** {@code s:rule [ context = "..." s:assert [ test = "..." ~ "..." "message" ~ "..." ] ]} in the compact syntax. */
    private static final Pattern RULE = Pattern.compile("s:rule\\s*\\[\\s*context\\s*=\\s*\"([^\"]+)\"\\s*s:assert\\s*\\[\\s*test\\s*=\\s*("
            + LITERALS + ")\\s*(" + LITERALS + ")\\s*]");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

    /** One of the schema's Schematron assertions: at every {@code context} node, {@code test} must hold. */
    record Rule(String context, String test, String message) {
    }

    private final List<Rule> rules;

    AtomSchema() {
        try (InputStream in = SCHEMA.openStream()) {
            rules = rules(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Rule> rules() {
        return rules;
    }

    /** Every way the document breaks the schema; empty when it is a valid Atom document. */
    List<String> violations(byte[] xml) throws Exception {
        List<String> found = new ArrayList<>(grammarViolations(xml));
        if (found.stream().noneMatch(v -> v.startsWith("fatal"))) {
            found.addAll(ruleViolations(xml));
        }
        return found;
    }

    private static List<String> grammarViolations(byte[] xml) throws IOException, SAXException {
        List<String> found = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                found.add(describe("warning", e));
            }

            @Override
            public void error(SAXParseException e) {
                found.add(describe("error", e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                found.add(describe("fatal", e));
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        if (!driver.loadSchema(new InputSource(SCHEMA.toExternalForm()))) {
            throw new IllegalStateException("RFC 4287's schema did not load: " + found);
        }
        boolean valid;
        try {
            valid = driver.validate(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException notWellFormed) {
            // not well-formed XML: the parser stops (and may or may not have told the handler first)
            if (found.stream().noneMatch(v -> v.startsWith("fatal"))) {
                found.add(describe("fatal", notWellFormed));
            }
            valid = false;
        }
        if (!valid && found.isEmpty()) {
            found.add("error: invalid, without a message");
        }
        return found;
    }

    private List<String> ruleViolations(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new AtomPrefix());
        List<String> found = new ArrayList<>();
        for (Rule rule : rules) {
            NodeList contexts = (NodeList) xpath.evaluate("//" + rule.context(), document, XPathConstants.NODESET);
            for (int i = 0; i < contexts.getLength(); i++) {
                if (!(Boolean) xpath.evaluate(rule.test(), contexts.item(i), XPathConstants.BOOLEAN)) {
                    found.add("schematron: " + rule.context() + " #" + (i + 1) + ": " + rule.message());
                }
            }
        }
        return found;
    }

    static List<Rule> rules(String compactSchema) {
        List<Rule> found = new ArrayList<>();
        Matcher rule = RULE.matcher(compactSchema);
        while (rule.find()) {
            found.add(new Rule(rule.group(1), joined(rule.group(2)), joined(rule.group(3))));
        }
        return found;
    }

    /** {@code "a " ~ "b"} is the compact syntax's concatenation of literals. */
    private static String joined(String literals) {
        StringBuilder text = new StringBuilder();
        Matcher literal = LITERAL.matcher(literals);
        while (literal.find()) {
            text.append(literal.group(1));
        }
        return text.toString();
    }

    private static String describe(String level, SAXParseException e) {
        return level + " at " + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
    }

    /** The schema's rules name Atom elements with the prefix {@code atom}. */
    private static final class AtomPrefix implements NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            return "atom".equals(prefix) ? ATOM : XMLConstants.NULL_NS_URI;
        }

        @Override
        public String getPrefix(String namespaceUri) {
            return ATOM.equals(namespaceUri) ? "atom" : null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceUri) {
            return ATOM.equals(namespaceUri) ? List.of("atom").iterator() : List.<String>of().iterator();
        }
    }
}
