package io.custodian.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.custodian.notification.NotificationConfig;
import io.custodian.notification.events.InboundEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Posts the event itself to a webhook target as JSON {@code {id, type, source, subject, time,
 * data}}, signed: {@code Idempotency-Key} (the event id, the same on every attempt and every
 * redelivery), {@code X-Custodian-Timestamp} (unix seconds of this attempt) and {@code
 * X-Custodian-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. Non-blocking
 * (Vert.x web client); any non-2xx answer or no answer within the attempt timeout is a failure.
 */
@ApplicationScoped
class WebhookChannel implements Channel {

    static final String NAME = "webhook";
    static final String USER_AGENT = "Custodian-Webhooks";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String TIMESTAMP = "X-Custodian-Timestamp";
    static final String SIGNATURE = "X-Custodian-Signature";

    private record Endpoint(URI url, String secret) {
        @Override
        public String toString() {
            return "Endpoint[secret hidden]";
        }
    }

    private final HttpPosts posts;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, Endpoint> endpoints = new HashMap<>();

    WebhookChannel(HttpPosts posts, ObjectMapper mapper, NotificationConfig config) {
        this.posts = posts;
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
        config.webhooks()
                .forEach(
                        (name, target) ->
                                target.url()
                                        .ifPresent(
                                                url ->
                                                        endpoints.put(
                                                                name,
                                                                new Endpoint(
                                                                        url,
                                                                        target.secret()
                                                                                .orElse("")))));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The {@code Idempotency-Key}: the event id (on one line, as every header). */
    @Override
    public String messageId(InboundEvent event, String recipient) {
        return OneLine.of(event.id());
    }

    @Override
    public Uni<Void> send(InboundEvent event, Alert alert, String recipient, String messageId) {
        String target = "webhook target " + recipient;
        Endpoint endpoint = endpoints.get(recipient);
        if (endpoint == null) {
            return HttpPosts.noUrl(target);
        }
        byte[] body = body(event);
        long timestamp = clock.instant().getEpochSecond();
        return posts.post(
                USER_AGENT,
                target,
                endpoint.url(),
                request ->
                        request.putHeader("Content-Type", "application/json")
                                .putHeader(IDEMPOTENCY_KEY, messageId)
                                .putHeader(TIMESTAMP, Long.toString(timestamp))
                                .putHeader(
                                        SIGNATURE,
                                        WebhookSignatures.sign(endpoint.secret(), timestamp, body))
                                .putHeader("X-Custodian-Event-Type", OneLine.of(event.type()))
                                .sendBuffer(Buffer.buffer(body)));
    }

    /** {@code {id, type, source, subject, time, data}}; data is the event's JSON as it came. */
    byte[] body(InboundEvent event) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", event.id());
        json.put("type", event.type());
        json.put("source", event.source());
        event.subject().ifPresent(s -> json.put("subject", s));
        event.time().ifPresent(t -> json.put("time", t.toString()));
        try {
            json.set("data", mapper.readTree(event.data()));
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Event " + event.id() + ": data is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
