package io.custodian.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.api.event.EventTypes;
import io.custodian.notification.events.EventHandler;
import io.custodian.notification.events.Handled;
import io.custodian.notification.events.InboundEvent;
import io.custodian.notification.events.UnreadableEventException;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
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
    private final ZoneId zone;
    private final String consoleUrl;

    protected AlertingHandler(String type, Class<T> dataType, Alerting alerting) {
        this.type = type;
        this.dataType = dataType;
        this.mapper = alerting.mapper;
        this.dispatcher = alerting.dispatcher;
        this.zone = alerting.zone;
        this.consoleUrl = alerting.consoleUrl;
    }

    /**
     * The alert for this event's data, its times shown in {@code zone} (the configured {@code
     * custodian.alerts.time-zone}).
     */
    protected abstract Alert render(T data, ZoneId zone);

    /**
     * The console's page at {@code path} ({@code /console/incident?id=…}) as an absolute link, or
     * null when {@code custodian.alerts.console-url} is not set.
     */
    protected String consoleLink(String path) {
        return consoleUrl == null ? null : consoleUrl + path;
    }

    @Override
    public String type() {
        return type;
    }

    /**
     * What the event does besides its alert, done first (and again on a redelivery, so it must be
     * idempotent); nothing by default.
     */
    protected Uni<Void> before(InboundEvent event, T data) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Handled> handle(InboundEvent event, Instant until, Set<String> rejected) {
        return Uni.createFrom()
                .item(() -> read(event))
                .chain(
                        data ->
                                before(event, data)
                                        .replaceWith(() -> alert(event, data))
                                        .chain(
                                                alert ->
                                                        dispatcher.dispatch(
                                                                event, alert, until, rejected)));
    }

    private Alert alert(InboundEvent event, T data) {
        try {
            return render(data, zone);
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

    /**
     * Reads every example the contract gives for this event type (the {@code examples} of its data
     * schema in api-spec) and renders its alert, sending nothing: what the first event of the type
     * would otherwise pay for (the JSON reader of the payload type, the templates). Returns how
     * many alerts were rendered.
     */
    int rehearse() {
        int rendered = 0;
        for (JsonNode example : examples()) {
            try {
                render(mapper.readValue(example.toString(), dataType), zone);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                        "An example of " + type + " in the contract is not a " + dataType, e);
            }
            rendered++;
        }
        return rendered;
    }

    private Iterable<JsonNode> examples() {
        String schema = EventTypes.schemaResource(type);
        try (InputStream in = AlertingHandler.class.getClassLoader().getResourceAsStream(schema)) {
            if (in == null) {
                throw new IllegalStateException("No data schema of " + type + " at " + schema);
            }
            return mapper.readTree(in).path("examples");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
