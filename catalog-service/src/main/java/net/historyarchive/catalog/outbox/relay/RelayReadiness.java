package net.historyarchive.catalog.outbox.relay;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * Not ready when the relay has been unable to publish for a while. Writes would still succeed
 * (they only touch the outbox), but the rest of the system would silently fall behind.
 */
@Readiness
@ApplicationScoped
public class RelayReadiness implements HealthCheck {

    private final RelayStatus status;
    private final Duration grace;

    public RelayReadiness(RelayStatus status, EventsConfig config) {
        this.status = status;
        this.grace = config.relay().unhealthyAfter();
    }

    @Override
    public HealthCheckResponse call() {
        Instant failingSince = status.failingSince();
        boolean up = failingSince == null || failingSince.plus(grace).isAfter(Instant.now());
        return HealthCheckResponse.named("outbox-relay").status(up)
                .withData("failingSince", failingSince == null ? "" : failingSince.toString())
                .build();
    }
}
