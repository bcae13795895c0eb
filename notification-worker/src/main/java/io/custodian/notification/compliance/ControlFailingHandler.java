package io.custodian.notification.compliance;

import io.custodian.api.event.ControlFailing;
import io.custodian.api.event.EventTypes;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertTimes;
import io.custodian.notification.delivery.Alerting;
import io.custodian.notification.delivery.AlertingHandler;
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

    ControlFailingHandler(Alerting alerting) {
        super(EventTypes.CONTROL_FAILING, ControlFailing.class, alerting);
    }

    @Override
    protected Alert render(ControlFailing event, ZoneId zone) {
        List<ComplianceMail.Line> items =
                event.failingItems().stream()
                        .map(
                                i ->
                                        new ComplianceMail.Line(
                                                i.label(), String.join("; ", i.reasons())))
                        .toList();
        ComplianceMail.Failing failing =
                new ComplianceMail.Failing(
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
                "[Custodian] %s %s is failing: %d %s"
                        .formatted(
                                event.controlId(),
                                event.title(),
                                event.failing(),
                                event.failing() == 1 ? "item" : "items");
        return new Alert(
                subject,
                ComplianceMail.failingText(failing).render(),
                ComplianceMail.failingHtml(failing).render(),
                Map.of());
    }
}
