package io.custodian.notification.delivery;

import io.custodian.notification.NotificationConfig;
import io.custodian.notification.events.InboundEvent;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends an alert as one e-mail (text and HTML alternatives) to one recipient, through the pooled
 * SMTP connections of the reactive Quarkus Mailer (no thread blocks while the SMTP server answers).
 */
@ApplicationScoped
class EmailChannel implements Channel {

    static final String NAME = "email";

    private final ReactiveMailer mailer;
    private final String messageIdDomain;

    EmailChannel(ReactiveMailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.messageIdDomain = config.delivery().messageIdDomain();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The deterministic {@code Message-ID} of this event's mail to this address. */
    @Override
    public String messageId(InboundEvent event, String recipient) {
        return MessageIds.of(event.id(), recipient, messageIdDomain);
    }

    @Override
    public Uni<Void> send(InboundEvent event, Alert alert, String recipient, String messageId) {
        Mail mail =
                Mail.withHtml(recipient, alert.subject(), alert.html())
                        .setText(alert.text())
                        .addHeader("Message-ID", messageId)
                        .addHeader("X-Custodian-Event-Id", oneLine(event.id()))
                        .addHeader("X-Custodian-Event-Type", oneLine(event.type()));
        return mailer.send(mail);
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]", " ");
    }
}
