package net.historyarchive.catalog.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import net.historyarchive.catalog.common.problem.Problem;
import net.historyarchive.catalog.common.problem.ProblemResponses;
import net.historyarchive.catalog.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * A request target over {@value #MAX_TARGET} characters is a 414 problem, a header section over
 * {@value #MAX_HEADER_SECTION} bytes a 431 problem. The HTTP layer accepts up to twice and four times
 * that (quarkus.http.limits.max-initial-line-length and max-header-size) so that a client gets these
 * answers, with a body that says the limit; past those, the HTTP layer answers 414 or 431 itself,
 * without a body.
 */
public class RequestSizeLimits {

    public static final int MAX_TARGET = 8192;
    public static final int MAX_HEADER_SECTION = 16384;

    @ServerRequestFilter(preMatching = true)
    public Response tooLong(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        int target = path.length() + (query == null ? 0 : query.length() + 1);
        if (target > MAX_TARGET) {
            return problem(ProblemType.URI_TOO_LONG, "The request target is " + target + " characters long; at most " + MAX_TARGET
                    + " are accepted. Shorten the query or split the request.", path);
        }
        int headers = headerSectionBytes(request);
        if (headers > MAX_HEADER_SECTION) {
            return problem(ProblemType.HEADER_FIELDS_TOO_LARGE, "The request's header fields take " + headers + " bytes; at most "
                    + MAX_HEADER_SECTION + " are accepted.", path);
        }
        return null;
    }

    /** Names and values as sent, each line with its ": " and CRLF (near enough for headers in ASCII, which they are). */
    static int headerSectionBytes(ContainerRequestContext request) {
        int bytes = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + value.length() + 4;
            }
        }
        return bytes;
    }

    private static Response problem(ProblemType type, String detail, String path) {
        return ProblemResponses.of(Problem.of(type, detail), path);
    }
}
