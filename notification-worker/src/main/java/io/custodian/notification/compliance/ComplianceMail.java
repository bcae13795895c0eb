package io.custodian.notification.compliance;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The mail of a control that turned failing ({@code templates/ComplianceMail}), and its model. */
@CheckedTemplate(basePath = "ComplianceMail")
final class ComplianceMail {

    private ComplianceMail() {}

    /** One failing item as the alert lists it: its label and its reasons, joined. */
    record Line(String label, String reasons) {}

    /** The control, its counts and first failing items, formatted for people. */
    record Failing(
            String controlId,
            String title,
            String rule,
            String asOf,
            String lastPassingDay,
            long population,
            long passing,
            long failing,
            long excepted,
            List<Line> items,
            long unlisted,
            String link) {}

    static native TemplateInstance failingText(Failing failing);

    static native TemplateInstance failingHtml(Failing failing);
}
