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

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final RelayStatus status;

    public RelayReadiness(RelayStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        Instant failingSince = status.failingSince();
        boolean up = failingSince == null || failingSince.plus(GRACE).isAfter(Instant.now());
        return HealthCheckResponse.named("outbox-relay").status(up)
                .withData("failingSince", failingSince == null ? "" : failingSince.toString())
                .build();
    }
}
