package net.historyarchive.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The request-size limits both services answer with a problem (414, 431), and how a request is
 * measured against them. Each service maps an excess to its own problem type. The HTTP layer lets
 * through twice and four times these (quarkus.http.limits.max-initial-line-length and
 * max-header-size), so that the service, not the codec, answers.
 */
public final class RequestSizes {

    public static final int MAX_TARGET = 8192;
    public static final int MAX_HEADER_SECTION = 16384;

    private RequestSizes() {
    }

    /** Characters of the request target: raw path, plus "?" and the raw query if any. */
    public static int targetLength(URI requestUri) {
        String query = requestUri.getRawQuery();
        return requestUri.getRawPath().length() + (query == null ? 0 : query.length() + 1);
    }

    /** Bytes of the header section: each line's name, value, ": " and CRLF (headers are ASCII). */
    public static int headerSectionBytes(Map<String, List<String>> headers) {
        int bytes = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + value.length() + 4;
            }
        }
        return bytes;
    }
}
