package io.custodian.notification.offboarding;

import io.custodian.api.event.OffboardingStarted;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the off-boarding mails say, formatted for people, and their Qute templates (HTML and text,
 * under {@code templates/OffboardingMail}).
 */
final class OffboardingMail {

    @CheckedTemplate(basePath = "OffboardingMail")
    static class Templates {
        static native TemplateInstance startedText(Letter letter);

        static native TemplateInstance startedHtml(Letter letter);

        static native TemplateInstance overdueText(Letter letter);

        static native TemplateInstance overdueHtml(Letter letter);

        static native TemplateInstance completedText(Letter letter);

        static native TemplateInstance completedHtml(Letter letter);
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    /** A moment in the off-boarding mails: {@code Sat 19 Dec 2026 16:05 UTC}. */
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z");

    /** One asset line: tag, name, category, and what has to happen (or happened) to it. */
    record Line(String assetTag, String name, String category, String what) {}

    /**
     * The letter: who leaves, their manager, the last day, the assets, the escalation, and the
     * off-boarding's console page (null when no console address is configured).
     */
    record Letter(
            String person,
            String manager,
            String lastDay,
            List<Line> returns,
            List<Line> transfers,
            long daysOverdue,
            String completedAt,
            String link) {

        /** The letter on an off-boarding's items: those to return, and those to hand over. */
        static Letter of(
                OffboardingStarted.Person person,
                OffboardingStarted.Person manager,
                LocalDate lastWorkingDay,
                List<OffboardingStarted.Item> items,
                String link) {
            return new Letter(
                    describe(person),
                    describe(manager),
                    day(lastWorkingDay),
                    lines(items, "return"),
                    lines(items, "ownership_transfer"),
                    0,
                    null,
                    link);
        }

        /** This letter, completed at that time. */
        Letter completedAt(String at) {
            return new Letter(person, manager, lastDay, returns, transfers, daysOverdue, at, link);
        }
    }

    /** The off-boarding's page in the console: the leaver's checklist, and its items' steps. */
    static String page(java.util.UUID offboardingId) {
        return "/console/offboarding?id=" + offboardingId;
    }

    private OffboardingMail() {}

    static String describe(OffboardingStarted.Person p) {
        return p == null ? null : p.name() + " <" + p.email() + ">";
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    static List<Line> lines(List<OffboardingStarted.Item> items, String kind) {
        return items.stream()
                .filter(i -> kind.equals(i.kind()))
                .map(i -> new Line(i.assetTag(), i.name(), i.category(), what(i)))
                .toList();
    }

    /** The person's and the manager's e-mail addresses, for routes naming them. */
    static Map<String, String> parties(
            OffboardingStarted.Person person, OffboardingStarted.Person manager) {
        Map<String, String> parties = new HashMap<>();
        if (person != null && person.email() != null) {
            parties.put("person", person.email());
        }
        if (manager != null && manager.email() != null) {
            parties.put("manager", manager.email());
        }
        return Map.copyOf(parties);
    }

    private static String what(OffboardingStarted.Item item) {
        return switch (item.status()) {
            case "pending" ->
                    "return".equals(item.kind()) ? "to be returned to IT" : "needs a new owner";
            case "returned" -> "returned";
            case "lost" -> "reported lost or stolen";
            case "transferred" -> "handed to a new owner";
            case "waived" -> "waived by leadership";
            default -> item.status();
        };
    }
}
