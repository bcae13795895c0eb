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

    /**
     * Every header is one line ({@link OneLine}; the subject already is, see {@link Alert}); an
     * address holding a line break is no address: refused permanently rather than sent.
     */
    @Override
    public Uni<Void> send(InboundEvent event, Alert alert, String recipient, String messageId) {
        if (OneLine.isFolded(recipient)) {
            return Uni.createFrom()
                    .failure(
                            new PermanentFailure(
                                    "not an e-mail address: "
                                            + OneLine.of(recipient)
                                            + " holds a control character"));
        }
        Mail mail =
                Mail.withHtml(recipient, alert.subject(), alert.html())
                        .setText(alert.text())
                        .addHeader("Message-ID", OneLine.of(messageId))
                        .addHeader("X-Custodian-Event-Id", OneLine.of(event.id()))
                        .addHeader("X-Custodian-Event-Type", OneLine.of(event.type()));
        return mailer.send(mail);
    }
}
