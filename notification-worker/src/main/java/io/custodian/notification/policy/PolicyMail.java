package io.custodian.notification.policy;

import io.custodian.api.event.PolicyAsset;
import io.custodian.api.event.PolicyPerson;
import io.custodian.notification.delivery.Alert;
import io.custodian.notification.delivery.AlertTimes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the {@code policy.*} alerts show, one shape for all six: a heading, an introduction, a table
 * of facts, free-text sections (justification, description, note, outcome) and a closing line. The
 * handlers fill it from their event; the templates {@code PolicyMail/alertText} and {@code
 * alertHtml} lay it out.
 */
record PolicyMail(
        String heading,
        String intro,
        List<Fact> facts,
        List<Section> sections,
        String closing,
        String link,
        String reference) {

    record Fact(String label, String value) {
        /** The label padded for the plain-text table. */
        public String padded() {
            return String.format(Locale.ROOT, "%-18s", label + ":");
        }
    }

    record Section(String title, String text) {}

    @CheckedTemplate(basePath = "PolicyMail")
    static class Templates {
        static native TemplateInstance alertText(PolicyMail mail);

        static native TemplateInstance alertHtml(PolicyMail mail);
    }

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** The alert: {@code [Custodian] <subject>}, both bodies, and the event's parties. */
    Alert alert(String subject, Map<String, String> parties) {
        return new Alert(
                "[Custodian] " + subject,
                Templates.alertText(this).render(),
                Templates.alertHtml(this).render(),
                Map.copyOf(parties));
    }

    /** Builds a mail fact by fact; absent values are left out. */
    static final class Builder {
        private final ZoneId zone;
        private final String heading;
        private final String intro;
        private final List<Fact> facts = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private final Map<String, String> parties = new LinkedHashMap<>();
        private String link;

        Builder(ZoneId zone, String heading, String intro) {
            this.zone = zone;
            this.heading = heading;
            this.intro = intro;
        }

        Builder fact(String label, String value) {
            if (value != null && !value.isBlank()) {
                facts.add(new Fact(label, value));
            }
            return this;
        }

        Builder time(String label, Instant value) {
            return fact(label, AlertTimes.format(value, zone));
        }

        Builder day(String label, LocalDate value) {
            return fact(label, value == null ? null : DAY.format(value));
        }

        Builder person(String label, PolicyPerson person) {
            return fact(label, person == null ? null : person.display());
        }

        Builder assets(List<PolicyAsset> assets) {
            if (assets == null || assets.isEmpty()) {
                return fact("Assets", "none named");
            }
            for (int i = 0; i < assets.size(); i++) {
                fact(i == 0 ? (assets.size() == 1 ? "Asset" : "Assets") : "", asset(assets.get(i)));
            }
            return this;
        }

        Builder asset(String label, PolicyAsset asset) {
            return fact(label, asset == null ? null : asset(asset));
        }

        Builder section(String title, String text) {
            if (text != null && !text.isBlank()) {
                sections.add(new Section(title, text));
            }
            return this;
        }

        /** The console page of what the alert is about (null: the console's address is not set). */
        Builder link(String link) {
            this.link = link;
            return this;
        }

        /** A party a route may name ({@code requester}, {@code reporter}, {@code person}). */
        Builder party(String name, PolicyPerson person) {
            if (person != null && person.email() != null) {
                parties.put(name, person.email());
            }
            return this;
        }

        Alert alert(String subject, String closing, String reference) {
            return new PolicyMail(
                            heading,
                            intro,
                            List.copyOf(facts),
                            List.copyOf(sections),
                            closing,
                            link,
                            reference)
                    .alert(subject, parties);
        }

        private static String asset(PolicyAsset asset) {
            String text = asset.assetTag() + " " + asset.name();
            return asset.classification() == null
                    ? text
                    : text + " (" + asset.classification() + ")";
        }
    }

    /** {@code acceptable_use} → {@code Acceptable use}: the clause as the policy names it. */
    static String clause(String clause) {
        if (clause == null) {
            return null;
        }
        return switch (clause) {
            case "inventory" -> "Inventory of Assets";
            case "ownership" -> "Ownership of Assets";
            case "acceptable_use" -> "Acceptable Use of Assets";
            case "loss_or_theft" -> "Loss or Theft of Assets";
            case "return" -> "Return of Assets";
            case "handling" -> "Handling of Assets";
            default -> clause;
        };
    }

    /** The first line of a free text, cut to fit a subject. */
    static String gist(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
