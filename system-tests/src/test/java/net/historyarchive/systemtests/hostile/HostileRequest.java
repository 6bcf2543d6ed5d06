package net.historyarchive.systemtests.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated request, kept as the bytes to send. The target may hold placeholders
 * ({@link Fixtures}) that are filled in when it is sent, since the fixture's id and version are
 * known only then.
 *
 * @param label        what the request tries (printed with the seed when it fails)
 * @param service      which service it goes to
 * @param method       the request method as sent (may be junk)
 * @param target       path and query, already percent-encoded as it goes on the wire (may hold placeholders)
 * @param headers      every header in order, duplicates included; Host and Content-Length are added unless present
 * @param body         the body bytes, or null for none
 * @param expect       whether the service must refuse it or may accept it
 * @param breaksFraming the request is malformed HTTP, so it gets a connection of its own and the HTTP
 *                     layer may answer before the application (see {@link Verdicts})
 */
record HostileRequest(String label, Service service, String method, String target, List<Header> headers, byte[] body,
                      Expect expect, boolean breaksFraming) {

    enum Service { CATALOG, SEARCH }

    enum Expect {
        /** Must be answered with a 4xx (and, if a write, change nothing). */
        REJECT,
        /** May be accepted (valid but unusual) or refused; never a 5xx. */
        ANY
    }

    /** A header as raw bytes: values may hold control characters or invalid UTF-8 on purpose. */
    record Header(String name, byte[] value) {

        static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }

        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    HostileRequest withHeaders(List<Header> replaced) {
        return new HostileRequest(label, service, method, target, replaced, body, expect, breaksFraming);
    }

    boolean hasHeader(String name) {
        return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
    }

    /** True for methods that can change the catalog. */
    boolean isWrite() {
        return !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(method);
    }

    /** The request as it goes on the wire. */
    byte[] wireBytes(String resolvedTarget, String hostAndPort) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes((method + " " + resolvedTarget + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
        List<Header> all = new ArrayList<>(headers);
        if (!hasHeader("Host")) {
            all.add(0, Header.of("Host", hostAndPort));
        }
        if (body != null && !hasHeader("Content-Length") && !hasHeader("Transfer-Encoding")) {
            all.add(Header.of("Content-Length", Integer.toString(body.length)));
        }
        for (Header header : all) {
            wire.writeBytes(header.name().getBytes(StandardCharsets.UTF_8));
            wire.writeBytes(": ".getBytes(StandardCharsets.US_ASCII));
            wire.writeBytes(header.value());
            wire.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        wire.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            wire.writeBytes(body);
        }
        return wire.toByteArray();
    }

    /** Short description for a failure report: label, request line and the first bytes of the body. */
    String describe(String resolvedTarget) {
        String shownTarget = resolvedTarget.length() > 200 ? resolvedTarget.substring(0, 200) + "...(" + resolvedTarget.length() + " chars)" : resolvedTarget;
        StringBuilder s = new StringBuilder(label).append(": ").append(method).append(' ').append(shownTarget);
        for (Header h : headers) {
            if (!h.name().equalsIgnoreCase("Authorization")) {
                String v = h.text();
                s.append(" | ").append(h.name()).append(": ").append(v.length() > 80 ? v.substring(0, 80) + "...(" + v.length() + ")" : v);
            }
        }
        if (body != null) {
            String b = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            s.append(" | body (").append(body.length).append(" bytes): ").append(b);
        }
        return s.toString();
    }
}
