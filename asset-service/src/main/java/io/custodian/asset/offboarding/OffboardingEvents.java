package io.custodian.asset.offboarding;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.OffboardingCompleted;
import io.custodian.api.event.OffboardingReturnOverdue;
import io.custodian.api.event.OffboardingStarted;
import io.custodian.api.event.PersonReactivated;
import io.custodian.asset.outbox.Outbox;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.web.LowerCaseEnums;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The off-boarding's outbox events (started, completed, return overdue; and the re-hire that ends a
 * departure) and their payloads.
 */
@ApplicationScoped
class OffboardingEvents {

    private final Outbox outbox;

    OffboardingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A new off-boarding, with its items in {@link OffboardingView#ITEM_ORDER}. */
    void started(Offboarding o, List<OffboardingItem> items) {
        outbox.append(
                "offboarding",
                o.id,
                EventTypes.OFFBOARDING_STARTED,
                "offboardings/" + o.id,
                new OffboardingStarted(
                        o.id,
                        person(o.person),
                        person(o.person.manager),
                        o.lastWorkingDay,
                        LowerCaseEnums.of(o.source),
                        o.reference,
                        o.startedAt,
                        items.stream().map(OffboardingEvents::item).toList()));
    }

    /** A completed off-boarding, with all its items. */
    void completed(Offboarding o, List<OffboardingItem> items) {
        outbox.append(
                "offboarding",
                o.id,
                EventTypes.OFFBOARDING_COMPLETED,
                "offboardings/" + o.id,
                new OffboardingCompleted(
                        o.id,
                        person(o.person),
                        person(o.person.manager),
                        o.lastWorkingDay,
                        o.completedAt,
                        items.stream()
                                .sorted(OffboardingView.ITEM_ORDER)
                                .map(OffboardingEvents::item)
                                .toList()));
    }

    /** An escalation of an overdue off-boarding today, with the returns still pending. */
    void returnOverdue(Offboarding o, LocalDate today, List<OffboardingItem> items) {
        outbox.append(
                "offboarding",
                o.id,
                EventTypes.OFFBOARDING_RETURN_OVERDUE,
                "offboardings/" + o.id,
                new OffboardingReturnOverdue(
                        o.id,
                        person(o.person),
                        person(o.person.manager),
                        o.lastWorkingDay,
                        today,
                        ChronoUnit.DAYS.between(o.lastWorkingDay, today),
                        items.stream()
                                .filter(OffboardingStore::pendingReturn)
                                .sorted(OffboardingView.ITEM_ORDER)
                                .map(OffboardingEvents::item)
                                .toList()));
    }

    /** A departed person re-hired: the end of their departure, keyed by the person. */
    void reactivated(Person p, String source, String by) {
        outbox.append(
                "person",
                p.id,
                EventTypes.PERSON_REACTIVATED,
                "people/" + p.id,
                new PersonReactivated(person(p), person(p.manager), p.updatedAt, source, by));
    }

    private static OffboardingStarted.Person person(Person p) {
        return p == null
                ? null
                : new OffboardingStarted.Person(
                        p.id, p.employeeId, p.displayName, p.email, p.subject);
    }

    private static OffboardingStarted.Item item(OffboardingItem i) {
        return new OffboardingStarted.Item(
                LowerCaseEnums.of(i.kind),
                LowerCaseEnums.of(i.status),
                i.asset.id,
                i.asset.assetTag,
                i.asset.name,
                LowerCaseEnums.of(i.asset.category));
    }
}
