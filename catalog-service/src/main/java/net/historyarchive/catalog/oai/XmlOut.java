package net.historyarchive.catalog.oai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small XML writer for the provider's responses: elements with text, skipping absent values,
 * and text cleaned of the few characters XML 1.0 cannot carry at all (the catalog already refuses
 * control characters, this is the last guard so that no record can make a response unparseable).
 *
 * <p>Written by hand rather than over StAX: the JDK's StAX writer encodes every string char by
 * char into its stream, which was the largest cost of a harvest page in a profile (2026-12-02).
 * Here escaping and cleaning are one pass into a buffer and the page is encoded to UTF-8 once.
 * Namespaces are declared explicitly by the caller, as with a non-repairing StAX writer.
 */
final class XmlOut {

    private final StringBuilder out = new StringBuilder(64 * 1024);
    private final Deque<String> open = new ArrayDeque<>();
    private boolean inStartTag;

    XmlOut() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    XmlOut start(String prefix, String name, String namespace) {
        closeStartTag();
        String qualified = prefix.isEmpty() ? name : prefix + ':' + name;
        out.append('<').append(qualified);
        open.push(qualified);
        inStartTag = true;
        return this;
    }

    XmlOut namespace(String prefix, String uri) {
        return rawAttribute(prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri);
    }

    XmlOut attribute(String name, String value) {
        return value == null ? this : rawAttribute(name, value);
    }

    XmlOut attribute(String prefix, String namespace, String name, String value) {
        return rawAttribute(prefix + ':' + name, value);
    }

    XmlOut text(String value) {
        closeStartTag();
        escape(value, false);
        return this;
    }

    XmlOut end() {
        closeStartTag();
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element with text content; nothing at all when the value is null or empty. */
    XmlOut element(String prefix, String name, String namespace, Object value) {
        if (value == null) {
            return this;
        }
        String text = value.toString();
        return text.isEmpty() ? this : start(prefix, name, namespace).text(text).end();
    }

    byte[] finish() {
        while (!open.isEmpty()) {
            end();
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Drops characters outside XML 1.0's Char production (controls, lone surrogates, U+FFFE/U+FFFF). */
    static String clean(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        appendClean(cleaned, text, false, false);
        return cleaned.length() == text.length() ? text : cleaned.toString();
    }

    private XmlOut rawAttribute(String name, String value) {
        if (!inStartTag) {
            throw new IllegalStateException("attribute " + name + " outside a start tag");
        }
        out.append(' ').append(name).append("=\"");
        escape(value, true);
        out.append('"');
        return this;
    }

    private void closeStartTag() {
        if (inStartTag) {
            out.append('>');
            inStartTag = false;
        }
    }

    private void escape(String text, boolean attribute) {
        appendClean(out, text, true, attribute);
    }

    /** One pass: keeps valid XML characters, escaping markup when asked, drops the rest. */
    private static void appendClean(StringBuilder to, String text, boolean escape, boolean attribute) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char ch = text.charAt(i);
            if (ch >= 0x20 && ch < 0xD800) {
                if (escape && (ch == '<' || ch == '>' || ch == '&' || (attribute && ch == '"'))) {
                    to.append(switch (ch) {
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '&' -> "&amp;";
                        default -> "&quot;";
                    });
                } else {
                    to.append(ch);
                }
            } else if (ch == 0x9 || ch == 0xA || ch == 0xD || (ch >= 0xE000 && ch <= 0xFFFD)) {
                to.append(ch);
            } else if (Character.isHighSurrogate(ch) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                to.append(ch).append(text.charAt(++i));
            }
            // anything else (other controls, lone surrogates, U+FFFE, U+FFFF) is dropped
        }
    }
}
