package io.custodian.notification.delivery;

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
class EmailChannel {

    static final String NAME = "email";

    private final ReactiveMailer mailer;

    EmailChannel(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    Uni<Void> send(InboundEvent event, Alert alert, String recipient, String messageId) {
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
