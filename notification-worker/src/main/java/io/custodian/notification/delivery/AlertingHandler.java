package io.custodian.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.notification.events.EventHandler;
import io.custodian.notification.events.Handled;
import io.custodian.notification.events.InboundEvent;
import io.custodian.notification.events.UnreadableEventException;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Set;

/**
 * An event type whose handling is an alert: read the event's data as its api-spec payload type,
 * render the alert, and let the {@link AlertDispatcher} deliver it to the routed recipients. Data
 * that cannot be read, or an alert that cannot be rendered from it, is an {@link
 * UnreadableEventException}: a permanent fault, dead-lettered at once.
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
    public Uni<Handled> handle(InboundEvent event, Instant until, Set<String> rejected) {
        return Uni.createFrom()
                .item(() -> alert(event))
                .chain(alert -> dispatcher.dispatch(event, alert, until, rejected));
    }

    private Alert alert(InboundEvent event) {
        T data = read(event);
        try {
            return render(data);
        } catch (RuntimeException e) {
            throw new UnreadableEventException(
                    "Event " + event.id() + ": its alert cannot be rendered: " + e, e);
        }
    }

    private T read(InboundEvent event) {
        try {
            if (event.data() == null) {
                throw new UnreadableEventException("Event " + event.id() + " has no data", null);
            }
            return mapper.readValue(event.data(), dataType);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(
                    "Event "
                            + event.id()
                            + ": data is not a "
                            + dataType.getSimpleName()
                            + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }
}
