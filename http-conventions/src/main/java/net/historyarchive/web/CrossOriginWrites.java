package net.historyarchive.web;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CORS for writes: Quarkus's CORS filter opens the reads (GET, HEAD) to the read origins, any by
 * default; pages served from the origins in {@code archive.cors.write-origins} (none by default) may
 * also write. Quarkus has one method list for all its origins, so this filter answers those origins'
 * preflights itself, before Quarkus's (priority 300). The writes still need a token; the actual
 * request then passes Quarkus's origin check, which is why a write origin must also be a read origin.
 */
@ApplicationScoped
public class CrossOriginWrites {

    static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    private static final int BEFORE_QUARKUS_CORS = 400;

    private final Set<String> writeOrigins;
    private final List<String> readOrigins;
    private final String headers;
    private final String maxAgeSeconds;

    CrossOriginWrites(@ConfigProperty(name = "archive.cors.write-origins") Optional<List<String>> writeOrigins,
                      @ConfigProperty(name = "quarkus.http.cors.origins") List<String> readOrigins,
                      @ConfigProperty(name = "quarkus.http.cors.headers") List<String> headers,
                      @ConfigProperty(name = "quarkus.http.cors.access-control-max-age") java.time.Duration maxAge) {
        this.writeOrigins = Set.copyOf(writeOrigins.orElse(List.of()));
        this.readOrigins = readOrigins;
        this.headers = String.join(",", headers);
        this.maxAgeSeconds = Long.toString(maxAge.toSeconds());
    }

    /** Refuses to start with a write origin that Quarkus's CORS filter would then refuse on the actual request. */
    void checkOrigins(@Observes StartupEvent start) {
        if (readOrigins.contains("*")) {
            return;
        }
        for (String origin : writeOrigins) {
            if (!readOrigins.contains(origin)) {
                throw new IllegalStateException("archive.cors.write-origins has " + origin
                        + ", which quarkus.http.cors.origins (ARCHIVE_CORS_ORIGINS) does not allow: a write origin must also be allowed to read");
            }
        }
    }

    void register(@Observes Filters filters) {
        if (!writeOrigins.isEmpty()) {
            filters.register(this::preflight, BEFORE_QUARKUS_CORS);
        }
    }

    private void preflight(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (request.method() != HttpMethod.OPTIONS || origin == null || request.getHeader("Access-Control-Request-Method") == null
                || !writeOrigins.contains(origin)) {
            context.next();
            return;
        }
        context.response().setStatusCode(200)
                .putHeader("Access-Control-Allow-Origin", origin)
                .putHeader("Vary", "Origin")
                .putHeader("Access-Control-Allow-Methods", METHODS)
                .putHeader("Access-Control-Allow-Headers", headers)
                .putHeader("Access-Control-Max-Age", maxAgeSeconds)
                .end();
    }
}
