package io.custodian.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the delivery ledger for the delivery log. */
@ApplicationScoped
class DeliveryLog {

    /** Every delivery of the event, by channel and recipient; empty for an unknown event. */
    @Transactional
    List<DeliveryView> ofEvent(String eventId) {
        ProcessedEvent event = ProcessedEvent.findById(eventId);
        if (event == null) {
            return List.of();
        }
        return Delivery.ofEvent(eventId).stream()
                .map(
                        d ->
                                new DeliveryView(
                                        d.eventId,
                                        event.type,
                                        d.recipient,
                                        d.channel,
                                        d.status,
                                        d.messageId,
                                        d.attempts,
                                        d.attemptedAt,
                                        d.deliveredAt,
                                        d.error))
                .toList();
    }
}
