package net.historyarchive.catalog.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import net.historyarchive.catalog.common.validation.InputValidator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/** Maps every exception that can leave a resource to an RFC 9457 problem+json response. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.problem(), path(uri));
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e, UriInfo uri) {
        return ProblemResponses.of(JsonErrorDescriber.describe(e), path(uri));
    }

    /**
     * Wrong types, unknown fields, unknown enum constants and rejected text are MismatchedInputExceptions,
     * for which Quarkus has a built-in mapper (plain JSON, empty in production); the most specific mapper
     * wins, so this one must name the type itself.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return invalidJson(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(InputValidator.jsonPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return ProblemResponses.of(Problem.of(ProblemType.VALIDATION_FAILED, detail, errors), path(uri));
    }

    /** A concurrent writer changed the row between our read and our write. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response lostRace(RuntimeException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(ProblemType.PRECONDITION_FAILED,
                "The resource was changed by another request; read it again and retry"), path(uri));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(ProblemType.UNAUTHORIZED,
                        "This operation needs a bearer token (JWT) with the role 'archivist'"), path(uri)))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(ProblemType.FORBIDDEN,
                "The token is valid but lacks the role 'archivist'"), path(uri));
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
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.HTTP_ERROR;
        };
        String detail = status == 404 ? "No resource at this path" : e.getMessage();
        if (e.getCause() instanceof JsonProcessingException json) {
            return invalidJson(json, uri);
        }
        Problem problem = new Problem(type.uri(), type == ProblemType.HTTP_ERROR
                ? Response.Status.fromStatusCode(status) == null ? "HTTP error" : Response.Status.fromStatusCode(status).getReasonPhrase()
                : type.title(), status, detail, null, List.of());
        Response.ResponseBuilder response = Response.fromResponse(ProblemResponses.of(problem, path(uri)));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unexpected error", e);
        return ProblemResponses.of(Problem.of(ProblemType.INTERNAL_ERROR,
                "The server failed to process the request; it has been logged"), path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
