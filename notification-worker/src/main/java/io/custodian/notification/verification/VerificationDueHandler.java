package io.custodian.notification.verification;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.VerificationDue;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import io.custodian.notification.delivery.AssetParties;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * {@code asset.verification.due}: ask the asset's holder and owner to attest that it is still where
 * the register says (routed, by default, to the event's {@code holder} and {@code owner}).
 */
@Singleton
class VerificationDueHandler extends AlertingHandler<VerificationDue> {

    /** What the reminder says, formatted for people. */
    record Reminder(
            String assetTag,
            String name,
            String category,
            String lastVerified,
            String due,
            boolean overdue,
            String owner,
            String holder,
            String link) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    VerificationDueHandler(Alerting alerting) {
        super(EventTypes.VERIFICATION_DUE, VerificationDue.class, alerting);
    }

    @Override
    protected Alert render(VerificationDue due, ZoneId zone) {
        Reminder reminder =
                new Reminder(
                        due.assetTag(),
                        due.name(),
                        due.category(),
                        due.lastVerifiedAt() == null
                                ? "never"
                                : DAY.format(due.lastVerifiedAt().atZone(zone)),
                        DAY.format(due.nextVerificationDue().atZone(zone)),
                        due.overdue(),
                        AssetParties.describe(due.owner()),
                        AssetParties.describe(due.holder()),
                        consoleLink("/console/assets"));
        String subject =
                "[Custodian] "
                        + (due.overdue() ? "Overdue" : "Due")
                        + ": please confirm you still have "
                        + due.assetTag()
                        + " "
                        + due.name();
        return new Alert(
                subject,
                VerificationMail.reminderText(reminder).render(),
                VerificationMail.reminderHtml(reminder).render(),
                AssetParties.of(null, due.owner(), due.holder()));
    }
}
