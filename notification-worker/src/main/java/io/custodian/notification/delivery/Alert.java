package io.custodian.notification.delivery;

import java.util.Map;

/**
 * A rendered alert, the same for every recipient: subject, plain text and HTML body; and the e-mail
 * addresses of the parties the event names (e.g. {@code holder}, {@code owner}), which a route may
 * list as recipients.
 */
public record Alert(String subject, String text, String html, Map<String, String> parties) {

    public Alert(String subject, String text, String html) {
        this(subject, text, html, Map.of());
    }
}
