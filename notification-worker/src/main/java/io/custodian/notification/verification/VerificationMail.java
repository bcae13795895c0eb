package io.custodian.notification.verification;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The mails of this package ({@code templates/VerificationMail}), text and HTML each. */
@CheckedTemplate(basePath = "VerificationMail")
final class VerificationMail {

    private VerificationMail() {}

    static native TemplateInstance reminderText(VerificationDueHandler.Reminder reminder);

    static native TemplateInstance reminderHtml(VerificationDueHandler.Reminder reminder);

    static native TemplateInstance discrepancyText(
            DiscrepancyReportedHandler.Discrepancy discrepancy);

    static native TemplateInstance discrepancyHtml(
            DiscrepancyReportedHandler.Discrepancy discrepancy);
}
