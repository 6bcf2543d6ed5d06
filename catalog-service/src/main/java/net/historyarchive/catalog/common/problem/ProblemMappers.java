package net.historyarchive.catalog.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import net.historyarchive.catalog.common.domain.LimitExceededException;
import net.historyarchive.catalog.common.domain.RecordConflictException;
import net.historyarchive.catalog.common.domain.RecordNotFoundException;
import net.historyarchive.catalog.common.domain.VersionConflictException;
import net.historyarchive.catalog.common.json.JsonErrorDescriber;
import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.common.validation.InputValidator;
import net.historyarchive.catalog.common.validation.InvalidInputException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/**
 * Maps every exception that can leave a resource to an RFC 9457 problem+json response: the
 * HTTP edge's ProblemException as it is, the services' domain exceptions to their HTTP meaning.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final AllowedMethods allowed;

    public ProblemMappers(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.problem(), path(uri));
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        ProblemType type = e.unreadable() ? ProblemType.MALFORMED_REQUEST : ProblemType.VALIDATION_FAILED;
        return ProblemResponses.of(Problem.of(type, e.getMessage(), e.errors()), path(uri));
    }

    @ServerExceptionMapper
    public Response notFound(RecordNotFoundException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(ProblemType.NOT_FOUND, e.getMessage()), path(uri));
    }

    /** The write names a version (If-Match) that is no longer the current one. */
    @ServerExceptionMapper
    public Response staleVersion(VersionConflictException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(ProblemType.PRECONDITION_FAILED,
                "If-Match names version " + e.expected() + " but the current version is " + e.current()
                        + "; read the resource again and reapply your change"), path(uri));
    }

    @ServerExceptionMapper
    public Response conflict(RecordConflictException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(ProblemType.CONFLICT, e.getMessage()), path(uri));
    }

    @ServerExceptionMapper
    public Response tooLarge(LimitExceededException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()), path(uri));
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e, UriInfo uri) {
        return invalidInput(JsonErrorDescriber.describe(e), uri);
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
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(InputValidator.jsonPath(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return invalidInput(InvalidInputException.of(errors), uri);
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
        // The REST layer's 405 names no methods; RFC 9110 wants Allow on it.
        if (status == 405 && e.getResponse().getHeaderString("Allow") == null && uri != null) {
            String allow = allowed.allow("/" + uri.getPath().replaceFirst("^/", ""));
            if (!allow.isEmpty()) {
                response.header("Allow", allow);
            }
        }
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) {
            // PostgreSQL restarting or unreachable. A connection lost during COMMIT leaves the outcome
            // unknown, which is why the detail asks to read before retrying.
            LOG.warnf("Database unavailable: %s", DatabaseOutage.reason(e));
            return Response.fromResponse(ProblemResponses.of(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "The catalog's database cannot be reached for now; retry shortly. A write cut off while committing "
                            + "may have been saved: read the record first (If-Match makes a retried change safe)"), path(uri)))
                    .header("Retry-After", "5").build();
        }
        LOG.error("Unexpected error", e);
        return ProblemResponses.of(Problem.of(ProblemType.INTERNAL_ERROR,
                "The server failed to process the request; it has been logged"), path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
