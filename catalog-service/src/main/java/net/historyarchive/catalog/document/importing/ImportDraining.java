package net.historyarchive.catalog.document.importing;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Stops accepting bulk imports once this instance begins to shut down, so a rollout never starts
 * an import it cannot finish. Quarkus fires {@link ShutdownDelayInitiatedEvent} when readiness
 * goes down at the start of the shutdown delay ({@code quarkus.shutdown.delay}); from then on a new
 * import is answered 503 problem+json (the client retries and reaches another instance), while
 * imports already running keep going until {@code quarkus.shutdown.timeout} ends the drain. Short
 * writes are not refused: they finish well within that bound.
 */
@ApplicationScoped
public class ImportDraining {

    private static final Logger LOG = Logger.getLogger(ImportDraining.class);

    private volatile boolean draining;

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
        LOG.info("Shutting down: new imports are refused (503), running imports may finish");
    }

    void onShutdown(@Observes ShutdownEvent event) {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }
}
