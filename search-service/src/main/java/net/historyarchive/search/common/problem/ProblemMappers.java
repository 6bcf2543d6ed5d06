package net.historyarchive.search.common.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every exception that can leave a resource to an RFC 9457 problem+json response. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final AllowedMethods allowed;

    public ProblemMappers(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().toResponse(path(uri));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.HTTP_ERROR;
        };
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = type != ProblemType.HTTP_ERROR ? type.title() : known == null ? "HTTP error" : known.getReasonPhrase();
        String detail = status == 404 ? "No resource at this path" : e.getMessage();
        Response.ResponseBuilder response = Response.fromResponse(
                new Problem(type.uri(), title, status, detail, null, java.util.List.of()).toResponse(path(uri)));
        // Headers the HTTP layer set on its answer stay: Allow on a 405, WWW-Authenticate on a 401.
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        if (status == 405 && e.getResponse().getHeaderString("Allow") == null && uri != null) {
            String allow = allowed.allow("/" + uri.getPath().replaceFirst("^/", ""));
            if (!allow.isEmpty()) {
                response.header("Allow", allow);
            }
        }
        return response.build();
    }

    /** The search engine cannot be reached or refused the request for now: the client may retry. */
    @ServerExceptionMapper
    public Response engineUnreachable(java.io.IOException e, UriInfo uri) {
        LOG.warn("The search engine is not reachable", e);
        return Response.fromResponse(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                "The search engine is not reachable right now; try again shortly").toResponse(path(uri)))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unexpected error", e);
        return Problem.of(ProblemType.INTERNAL_ERROR, "The server failed to process the request; it has been logged")
                .toResponse(path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
