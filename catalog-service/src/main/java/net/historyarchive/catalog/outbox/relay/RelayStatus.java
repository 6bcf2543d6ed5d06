package net.historyarchive.catalog.outbox.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** What the relay last did, shared with metrics and the readiness check. */
@ApplicationScoped
public class RelayStatus {

    private volatile boolean active;
    private volatile Instant failingSince;
    private volatile long backlogRows;
    private volatile double backlogAgeSeconds;

    public RelayStatus(MeterRegistry registry) {
        Gauge.builder("outbox.backlog.rows", this, s -> s.backlogRows).description("Outbox rows not yet published").register(registry);
        Gauge.builder("outbox.backlog.oldest.age.seconds", this, s -> s.backlogAgeSeconds)
                .description("Age of the oldest unpublished outbox row").register(registry);
        Gauge.builder("outbox.relay.active", this, s -> s.active ? 1 : 0)
                .description("1 on the replica whose relay holds the lock").register(registry);
    }

    void standby() {
        active = false;
    }

    /** A round of the relay loop completed, with or without rows to publish. */
    void succeeded() {
        active = true;
        failingSince = null;
    }

    void failed() {
        active = false;
        if (failingSince == null) {
            failingSince = Instant.now();
        }
    }

    void backlog(OutboxStore.Backlog backlog) {
        backlogRows = backlog.rows();
        backlogAgeSeconds = backlog.oldestAgeSeconds();
    }

    /** @return when the relay started failing without a success since, or null when it is fine */
    public Instant failingSince() {
        return failingSince;
    }
}
