package io.custodian.notification.delivery;

import java.util.Map;

/**
 * A rendered alert, the same for every recipient: subject, plain text and HTML body; and the e-mail
 * addresses of the parties the event names (e.g. {@code holder}, {@code owner}), which a route may
 * list as recipients. The subject is one line whatever the event's values hold: control characters
 * and line breaks (a stored asset name {@code "Laptop\r\nBcc: …"}) are folded into a space, so the
 * mail header and the chat header it becomes can neither be refused nor injected into.
 */
public record Alert(String subject, String text, String html, Map<String, String> parties) {

    public Alert {
        subject = OneLine.of(subject);
    }

    public Alert(String subject, String text, String html) {
        this(subject, text, html, Map.of());
    }
}
