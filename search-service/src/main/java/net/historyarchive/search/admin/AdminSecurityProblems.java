package net.historyarchive.search.admin;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security failures of the admin operations as problem+json: with proactive authentication off
 * they surface as exceptions from the resource rather than as the HTTP layer's empty responses.
 * Only admin operations require a role, so these mappers only ever answer for them.
 */
public class AdminSecurityProblems {

    static final String ROLE = "archive-admin";

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problem.of(ProblemType.UNAUTHORIZED,
                        "This operation needs a bearer token (JWT) with the role '" + ROLE + "'").toResponse(uri.getPath()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(ProblemType.FORBIDDEN, "The token is valid but lacks the role '" + ROLE + "'").toResponse(uri.getPath());
    }
}
