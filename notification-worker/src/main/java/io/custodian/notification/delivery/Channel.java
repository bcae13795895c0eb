package io.custodian.notification.delivery;

import io.custodian.notification.events.InboundEvent;
import io.smallrye.mutiny.Uni;

/**
 * A way of alerting: sends one rendered alert to one recipient, once per call (the dispatcher
 * retries). Implementations are CDI beans, found by {@link #name()}.
 */
interface Channel {

    /** The channel's name in routes and in the delivery ledger. */
    String name();

    /**
     * What the receiver can drop repeats by, the same on every attempt and every redelivery of the
     * event ({@code Message-ID}, {@code Idempotency-Key}); {@code null} when the channel has none.
     */
    String messageId(InboundEvent event, String recipient);

    /** One attempt; fails when the receiver did not accept the alert. */
    Uni<Void> send(InboundEvent event, Alert alert, String recipient, String messageId);
}
