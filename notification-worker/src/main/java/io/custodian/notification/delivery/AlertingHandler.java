package io.custodian.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.notification.events.EventHandler;
import io.custodian.notification.events.InboundEvent;
import io.smallrye.mutiny.Uni;

/**
 * An event type whose handling is an alert: read the event's data as its api-spec payload type,
 * render the alert, and let the {@link AlertDispatcher} deliver it to the routed recipients.
 * Unreadable data fails the event (and so dead-letters it).
 *
 * @param <T> the payload type of the event's data
 */
public abstract class AlertingHandler<T> implements EventHandler {

    private final String type;
    private final Class<T> dataType;
    private final ObjectMapper mapper;
    private final AlertDispatcher dispatcher;

    protected AlertingHandler(
            String type, Class<T> dataType, ObjectMapper mapper, AlertDispatcher dispatcher) {
        this.type = type;
        this.dataType = dataType;
        this.mapper = mapper;
        this.dispatcher = dispatcher;
    }

    /** The alert for this event's data. */
    protected abstract Alert render(T data);

    @Override
    public String type() {
        return type;
    }

    @Override
    public Uni<Void> handle(InboundEvent event) {
        return Uni.createFrom()
                .item(() -> render(read(event)))
                .chain(alert -> dispatcher.dispatch(event, alert));
    }

    private T read(InboundEvent event) {
        try {
            return mapper.readValue(event.data(), dataType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Event "
                            + event.id()
                            + ": data is not a "
                            + dataType.getSimpleName()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
