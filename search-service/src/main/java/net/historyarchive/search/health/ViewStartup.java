package net.historyarchive.search.health;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import net.historyarchive.search.engine.ViewIndexes;
import org.jboss.logging.Logger;

/**
 * Creates the view's first index generation and alias at start, so searches answer (with nothing)
 * before the first event. If OpenSearch is not reachable yet, the consumer creates them before its
 * first write.
 */
@ApplicationScoped
public class ViewStartup {

    private static final Logger LOG = Logger.getLogger(ViewStartup.class);

    private final ViewIndexes indexes;

    public ViewStartup(ViewIndexes indexes) {
        this.indexes = indexes;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        try {
            indexes.ensureLive();
        } catch (Exception e) {
            LOG.warnf("OpenSearch is not reachable yet (%s); the view index will be created when it is", e.getMessage());
        }
    }
}
