package net.historyarchive.catalog.common.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import net.historyarchive.catalog.common.problem.ProblemException;
import net.historyarchive.catalog.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/** Headers the request cannot be understood with, refused before any resource sees them. */
public class RequestHeaderChecks {

    /** A Content-Type that is not a media type ("", "garbage") would otherwise fail deep in content negotiation as a 500. */
    @ServerRequestFilter(preMatching = true)
    public void contentTypeIsAMediaType(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return;
        }
        try {
            MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + contentType + "' is not a media type");
        }
    }

    /** Two Authorization headers are two claims to be someone; acting on either one would be a guess. */
    @ServerRequestFilter(preMatching = true)
    public void atMostOneAuthorization(ContainerRequestContext request) {
        List<String> authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.size() > 1 && !HttpMethod.OPTIONS.equals(request.getMethod())) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request has " + authorization.size()
                    + " Authorization headers; send one");
        }
    }
}
