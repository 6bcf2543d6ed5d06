package net.historyarchive.search.health;

import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.engine.ViewIndexes;
import net.historyarchive.search.ingest.ChangeEventConsumer;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when OpenSearch can serve the view and the change event consumer is running. */
@Readiness
@ApplicationScoped
public class ViewReadiness implements HealthCheck {

    private final ViewIndexes indexes;
    private final ChangeEventConsumer consumer;

    public ViewReadiness(ViewIndexes indexes, ChangeEventConsumer consumer) {
        this.indexes = indexes;
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        boolean engine = indexes.healthy();
        boolean consuming = consumer.healthy();
        return HealthCheckResponse.named("search-view").status(engine && consuming)
                .withData("opensearch", engine ? "up" : "down").withData("consumer", consuming ? "running" : "not running").build();
    }
}
