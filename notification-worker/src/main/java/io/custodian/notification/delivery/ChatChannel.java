package io.custodian.notification.delivery;

import io.custodian.notification.NotificationConfig;
import io.custodian.notification.events.InboundEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Posts an alert to a Slack-compatible incoming webhook as Block Kit: a header with the subject, a
 * section with the plain-text body as {@code mrkdwn}, and the subject as the {@code text} fallback
 * that notifications show. Non-blocking (Vert.x web client); any non-2xx answer is a failure.
 * Incoming webhooks know no idempotency key, so a resend after a crash may show twice.
 */
@ApplicationScoped
class ChatChannel implements Channel {

    static final String NAME = "chat";

    static final String USER_AGENT = "Custodian";

    /** Block Kit limits: header text 150 characters, section text 3000. */
    static final int HEADER_MAX = 150;

    static final int SECTION_MAX = 3000;

    private final HttpPosts posts;
    private final Map<String, URI> urls = new HashMap<>();

    ChatChannel(HttpPosts posts, NotificationConfig config) {
        config.chat().forEach((name, target) -> target.url().ifPresent(u -> urls.put(name, u)));
        this.posts = posts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String messageId(InboundEvent event, String recipient) {
        return null;
    }

    @Override
    public Uni<Void> send(InboundEvent event, Alert alert, String recipient, String messageId) {
        String target = "chat target " + recipient;
        URI url = urls.get(recipient);
        if (url == null) {
            return HttpPosts.noUrl(target);
        }
        JsonObject message = message(alert);
        return posts.post(USER_AGENT, target, url, request -> request.sendJsonObject(message));
    }

    /** The Block Kit message of an alert. */
    static JsonObject message(Alert alert) {
        String subject = alert.subject() == null ? "" : alert.subject();
        String text = alert.text() == null ? "" : alert.text();
        return new JsonObject()
                .put("text", escape(subject, SECTION_MAX))
                .put(
                        "blocks",
                        new JsonArray()
                                .add(
                                        new JsonObject()
                                                .put("type", "header")
                                                .put(
                                                        "text",
                                                        new JsonObject()
                                                                .put("type", "plain_text")
                                                                .put(
                                                                        "text",
                                                                        cut(subject, HEADER_MAX))))
                                .add(
                                        new JsonObject()
                                                .put("type", "section")
                                                .put(
                                                        "text",
                                                        new JsonObject()
                                                                .put("type", "mrkdwn")
                                                                .put(
                                                                        "text",
                                                                        escape(
                                                                                text.strip(),
                                                                                SECTION_MAX)))));
    }

    /**
     * Slack's escaping of text it parses ({@code &}, {@code <}, {@code >} as entities), cut to at
     * most {@code max} characters without splitting an entity.
     */
    static String escape(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length() + 16, max));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String piece =
                    switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        default -> String.valueOf(c);
                    };
            if (out.length() + piece.length() > max - 1 && i < text.length() - 1
                    || out.length() + piece.length() > max) {
                out.append('…');
                break;
            }
            out.append(piece);
        }
        return out.toString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
