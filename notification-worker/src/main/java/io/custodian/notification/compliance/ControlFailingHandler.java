package io.custodian.notification.compliance;

import io.custodian.api.event.ControlFailing;
import io.custodian.api.event.EventTypes;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertTimes;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code compliance.control.failing}: a control's daily snapshot fails where the one before it
 * passed; leadership (by default) gets the control, its counts and the first failing items, with a
 * link to the control's page in the console.
 */
@Singleton
class ControlFailingHandler extends AlertingHandler<ControlFailing> {

    @CheckedTemplate(basePath = "ComplianceMail")
    static class Templates {
        static native TemplateInstance failingText(Failing failing);

        static native TemplateInstance failingHtml(Failing failing);
    }

    /** One failing item as the alert lists it. */
    record Line(String label, String reasons) {}

    /** What the alert says, formatted for people. */
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

    ControlFailingHandler(Alerting alerting) {
        super(EventTypes.CONTROL_FAILING, ControlFailing.class, alerting);
    }

    @Override
    protected Alert render(ControlFailing event, ZoneId zone) {
        List<Line> items =
                event.failingItems().stream()
                        .map(i -> new Line(i.label(), String.join("; ", i.reasons())))
                        .toList();
        Failing failing =
                new Failing(
                        event.controlId(),
                        event.title(),
                        event.rule(),
                        AlertTimes.format(event.asOf(), zone),
                        event.lastPassingDay().toString(),
                        event.population(),
                        event.passing(),
                        event.failing(),
                        event.excepted(),
                        items,
                        event.failing() - items.size(),
                        consoleLink("/console/compliance/control?id=" + event.controlId()));
        String subject =
                "[Custodian] "
                        + event.controlId()
                        + " "
                        + event.title()
                        + " is failing: "
                        + event.failing()
                        + (event.failing() == 1 ? " item" : " items");
        return new Alert(
                subject,
                Templates.failingText(failing).render(),
                Templates.failingHtml(failing).render(),
                Map.of());
    }
}
