package net.historyarchive.search.readingroom;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * A Content-Security-Policy for the reading room's pages: scripts, styles and requests only from
 * this site, nothing inline (so an injected script or style attribute never runs), no third
 * parties, no framing. The pages are written for it: one script file, one style sheet, and the
 * JSON-LD block, which browsers read as data and never run.
 */
@Provider
@ReadingRoomPage
public class PageSecurityHeaders implements ContainerResponseFilter {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
    }
}
