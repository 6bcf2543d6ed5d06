package net.historyarchive.search.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemType;
import net.historyarchive.web.RequestSizes;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request over the limits of {@link RequestSizes} is a problem: 414 for the target, 431 for the
 * header section, each with a detail that says the limit. Past the HTTP layer's own, larger limits
 * the codec answers 414 or 431 itself, without a body.
 */
public class RequestSizeLimits {

    @ServerRequestFilter(preMatching = true)
    public Response tooLarge(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        int target = RequestSizes.targetLength(request.getUriInfo().getRequestUri());
        if (target > RequestSizes.MAX_TARGET) {
            return problem(ProblemType.URI_TOO_LONG, "The request target is " + target + " characters long; at most "
                    + RequestSizes.MAX_TARGET + " are accepted. Shorten the query or split the request.", path);
        }
        int headers = RequestSizes.headerSectionBytes(request.getHeaders());
        if (headers > RequestSizes.MAX_HEADER_SECTION) {
            return problem(ProblemType.HEADER_FIELDS_TOO_LARGE, "The request's header fields take " + headers + " bytes; at most "
                    + RequestSizes.MAX_HEADER_SECTION + " are accepted.", path);
        }
        return null;
    }

    private static Response problem(ProblemType type, String detail, String path) {
        return Problem.of(type, detail).toResponse(path);
    }
}
