package io.custodian.asset.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * asset-service is ready only once the outbox relay can publish an event at its normal speed: the
 * producer has the events topic's metadata (and a connection to its leaders), so the first event
 * after a start does not wait for them.
 */
@Readiness
@ApplicationScoped
class OutboxRelayReadiness implements HealthCheck {

    private final OutboxRelay relay;

    OutboxRelayReadiness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return relay.notReady()
                .map(
                        reason ->
                                HealthCheckResponse.named("outbox relay")
                                        .down()
                                        .withData("reason", reason)
                                        .build())
                .orElseGet(() -> HealthCheckResponse.up("outbox relay"));
    }
}
