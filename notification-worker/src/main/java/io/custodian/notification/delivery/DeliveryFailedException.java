package io.custodian.notification.delivery;

import java.util.List;

/** Some targets could not be alerted within the retry window. */
public class DeliveryFailedException extends RuntimeException {

    DeliveryFailedException(String eventId, List<Outcome> failed) {
        super(
                "Event "
                        + eventId
                        + " not delivered to "
                        + failed.stream().map(o -> o.target() + " (" + o.error() + ")").toList());
    }
}
