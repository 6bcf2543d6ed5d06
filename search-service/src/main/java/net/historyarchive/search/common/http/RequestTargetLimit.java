package net.historyarchive.search.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request target (path and query) longer than {@link #MAX_LENGTH} is a 414 problem. The HTTP layer
 * accepts lines up to quarkus.http.limits.max-initial-line-length (16 KiB) so that this answer, with
 * a body that says the limit, is what a client gets; past that the HTTP layer answers 414 itself,
 * without a body.
 */
public class RequestTargetLimit {

    public static final int MAX_LENGTH = 8192;

    @ServerRequestFilter(preMatching = true)
    public Response tooLong(ContainerRequestContext request) {
        String target = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        int length = target.length() + (query == null ? 0 : query.length() + 1);
        if (length <= MAX_LENGTH) {
            return null;
        }
        Problem problem = new Problem(ProblemType.HTTP_ERROR.uri(), "URI Too Long", 414,
                "The request target is " + length + " characters long; at most " + MAX_LENGTH + " are accepted. "
                        + "Shorten the query (q, filters) or split it.", null, java.util.List.of());
        return problem.toResponse(target);
    }
}
