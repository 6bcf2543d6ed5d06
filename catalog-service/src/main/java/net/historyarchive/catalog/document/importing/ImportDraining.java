package net.historyarchive.catalog.document.importing;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import net.historyarchive.catalog.common.problem.Problem;
import net.historyarchive.catalog.common.problem.ProblemResponses;
import net.historyarchive.catalog.common.problem.ProblemType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Stops admitting bulk imports once this instance begins to shut down, so a rollout never starts
 * an import it cannot finish. Quarkus fires {@link ShutdownDelayInitiatedEvent} when readiness
 * goes down at the start of the shutdown delay ({@code quarkus.shutdown.delay}); from then on an
 * import request that arrives is answered 503 problem+json with Retry-After (the client retries and
 * reaches another instance), while imports admitted before keep going until
 * {@code quarkus.shutdown.timeout} ends the drain. The decision is taken when the request arrives,
 * before its body is read: an import whose upload began before the drain counts as running. Short
 * writes are not refused: they finish well within that bound.
 */
@ApplicationScoped
public class ImportDraining {

    private static final Logger LOG = Logger.getLogger(ImportDraining.class);
    static final String IMPORT_PATH = "/api/v1/documents/import";
    /** Seconds a refused client should wait before retrying: by then this instance has left the load balancer. */
    static final String RETRY_AFTER_SECONDS = "5";

    private volatile boolean draining;

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
        LOG.info("Shutting down: new imports are refused (503), running imports may finish");
    }

    void onShutdown(@Observes ShutdownEvent event) {
        draining = true;
    }

    /** Runs before the request body is read (RESTEasy Reactive request filters precede body handling). */
    @ServerRequestFilter
    public Response refuseNewImportsWhileDraining(ContainerRequestContext request) {
        if (!draining || !"POST".equals(request.getMethod()) || !IMPORT_PATH.equals(request.getUriInfo().getPath())) {
            return null;
        }
        Problem refused = Problem.of(ProblemType.SHUTTING_DOWN,
                "This catalog-service instance is shutting down and starts no new import; nothing was written. Retry the import.");
        return Response.fromResponse(ProblemResponses.of(refused, IMPORT_PATH)).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
