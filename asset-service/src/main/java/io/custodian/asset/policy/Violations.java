package io.custodian.asset.policy;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.PolicyAsset;
import io.custodian.api.event.PolicyPerson;
import io.custodian.api.event.ViolationAcknowledged;
import io.custodian.api.event.ViolationClosed;
import io.custodian.api.event.ViolationReported;
import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.Inventory;
import io.custodian.asset.outbox.Outbox;
import io.custodian.asset.ownership.PeopleAndGroups;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FreeText;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.Lifecycle;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.LowerCaseEnums;
import io.custodian.asset.web.Paged;
import io.custodian.asset.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Violations of the policy: anyone signed in (but HR's machine client) reports one; leadership
 * acknowledges it and closes it with an outcome. Following the brief's role table, IT ({@code
 * asset-admin}) reports and reads violations but does not acknowledge or close them, and nobody
 * acknowledges or closes a report about themselves. Every state change stores its {@code
 * policy.violation.*} event in the outbox, keyed by the violation id.
 */
@ApplicationScoped
class Violations {

    private final Outbox outbox;
    private final PolicyConfig config;
    private final Clock clock;
    private final EntityManager db;
    private final Inventory inventory;
    private final PeopleAndGroups people;

    Violations(
            Outbox outbox,
            PolicyConfig config,
            Clock clock,
            EntityManager db,
            Inventory inventory,
            PeopleAndGroups people) {
        this.outbox = outbox;
        this.inventory = inventory;
        this.people = people;
        this.config = config;
        this.clock = clock;
        this.db = db;
    }

    record Report(
            @FreeText @NotBlank @Size(max = 4000) String description,
            PolicyClause clause,
            Instant occurredAt,
            UUID personId,
            @Email @Size(max = 254) String personEmail,
            UUID assetId,
            @Size(min = 1, max = 64) String assetTag) {}

    record Acknowledgement(@FreeText @Size(max = 2000) String note) {}

    record Closure(@FreeText @NotBlank @Size(max = 4000) String outcome) {}

    @Transactional
    ViolationView report(@NotNull @Valid Report report, Caller caller) {
        Instant now = now();
        if (report.occurredAt() != null
                && report.occurredAt().isAfter(now.plus(config.violations().clockSkew()))) {
            throw ProblemException.invalid("occurredAt", "must not be in the future");
        }
        Violation violation = new Violation();
        violation.id = UUID.randomUUID();
        violation.status = Violation.Status.REPORTED;
        violation.description = report.description().strip();
        violation.clause = report.clause();
        violation.occurredAt = report.occurredAt();
        // anyone may report about any asset or person (they saw the sticker, the colleague): for a
        // caller who may not read the register, a reference that matches nothing is taken as
        // written, so the answer is the same whether the object exists or not
        boolean mustMatch = caller.readsEverything();
        violation.personReference = reference(report.personId(), report.personEmail());
        violation.person = person(report.personId(), report.personEmail(), mustMatch);
        violation.assetReference = reference(report.assetId(), report.assetTag());
        violation.asset = asset(report.assetId(), report.assetTag(), mustMatch);
        violation.reportedBy = caller.email();
        violation.reportedAt = now;
        violation.persist();

        publish(
                violation,
                EventTypes.VIOLATION_REPORTED,
                new ViolationReported(
                        violation.id,
                        violation.description,
                        LowerCaseEnums.of(violation.clause),
                        violation.occurredAt,
                        Directory.person(violation.person),
                        Directory.asset(violation.asset),
                        Directory.person(violation.reportedBy),
                        violation.reportedAt,
                        violation.person == null ? violation.personReference : null,
                        violation.asset == null ? violation.assetReference : null));
        return ViolationView.of(violation, caller.readsEverything());
    }

    @Transactional
    ViolationView acknowledge(UUID id, @Valid Acknowledgement body, Caller caller) {
        Violation violation = actOn(id, caller);
        Lifecycle.require(
                violation.status,
                Violation.Status.ACKNOWLEDGED,
                () ->
                        ProblemException.conflict(
                                "This violation report is already "
                                        + LowerCaseEnums.of(violation.status)
                                        + ".",
                                "status",
                                "already " + LowerCaseEnums.of(violation.status)));
        violation.status = Violation.Status.ACKNOWLEDGED;
        violation.acknowledgedBy = caller.email();
        violation.acknowledgedAt = now();
        violation.acknowledgementNote =
                body == null || body.note() == null || body.note().isBlank()
                        ? null
                        : body.note().strip();
        violation.persistAndFlush();

        publish(
                violation,
                EventTypes.VIOLATION_ACKNOWLEDGED,
                handled(
                        violation,
                        ViolationAcknowledged::new,
                        violation.acknowledgedBy,
                        violation.acknowledgedAt,
                        violation.acknowledgementNote));
        return ViolationView.of(violation, true);
    }

    @Transactional
    ViolationView close(UUID id, @NotNull @Valid Closure closure, Caller caller) {
        Violation violation = actOn(id, caller);
        boolean closed = violation.status == Violation.Status.CLOSED;
        Lifecycle.require(
                violation.status,
                Violation.Status.CLOSED,
                () ->
                        ProblemException.conflict(
                                closed
                                        ? "This violation report is already closed."
                                        : "Acknowledge this violation report before closing it.",
                                "status",
                                closed ? "already closed" : "must be acknowledged first"));
        violation.status = Violation.Status.CLOSED;
        violation.closedBy = caller.email();
        violation.closedAt = now();
        violation.outcome = closure.outcome().strip();
        violation.persistAndFlush();

        publish(
                violation,
                EventTypes.VIOLATION_CLOSED,
                handled(
                        violation,
                        ViolationClosed::new,
                        violation.closedBy,
                        violation.closedAt,
                        violation.outcome));
        return ViolationView.of(violation, true);
    }

    /** Admins, leadership and auditors read any; an employee only what they reported (else 404). */
    @Transactional
    ViolationView read(UUID id, Caller caller) {
        Violation violation = find(id);
        if (!caller.readsEverything() && !violation.reportedBy.equalsIgnoreCase(caller.email())) {
            throw ProblemException.notFound("violation report", id);
        }
        return ViolationView.of(violation, caller.readsEverything());
    }

    /** GET /api/v1/violations: newest first, filters status and reporter, keyset pages. */
    @Transactional
    Paged list(Listing listing, Caller caller) {
        Keyset.Request request = Keyset.request(listing, "status", "reporter");
        Map<String, List<String>> params = request.params();
        Keyset.Query query =
                new Keyset.Query()
                        .whereGiven(
                                "v.status = :status",
                                "status",
                                Keyset.enumValue(params, "status", Violation.Status.class))
                        .whereGiven(
                                "v.reportedBy = :reporter",
                                "reporter",
                                Keyset.email(params, "reporter"));
        if (!caller.readsEverything()) {
            query.where("v.reportedBy = :me", "me", caller.email());
        }
        List<Violation> rows =
                request.rows(
                        query,
                        db,
                        "select v from Violation v left join fetch v.person left join fetch"
                                + " v.asset",
                        Violation.class,
                        "v.reportedAt",
                        "v.id");
        var people = Directory.memo();
        return request.page(
                rows,
                v -> new Keyset.Position(v.reportedAt, v.id),
                v -> ViolationView.of(v, people, caller.readsEverything()),
                ViolationView.Page::new);
    }

    /** The violation leadership acts on; not one about the acting leader themselves. */
    private static Violation actOn(UUID id, Caller caller) {
        Violation violation = find(id);
        if (violation.person != null && violation.person.email.equalsIgnoreCase(caller.email())) {
            throw ProblemException.forbidden(
                    "This violation report is about you; another member of leadership must handle"
                            + " it.");
        }
        return violation;
    }

    private static Violation find(UUID id) {
        return Violation.<Violation>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("violation report", id));
    }

    /** A reference as the reporter wrote it: the id, else the trimmed tag or e-mail; or none. */
    private static String reference(UUID id, String text) {
        return id != null ? id.toString() : text == null ? null : text.strip();
    }

    /**
     * The person named by id or by e-mail (at most one); nobody when none is named, or when none
     * matches and {@code mustMatch} is false (422 naming the field when it is true).
     */
    private Person person(UUID id, String email, boolean mustMatch) {
        if (id != null && email != null) {
            throw ProblemException.invalid(
                    "personEmail", "give at most one of personId and personEmail");
        }
        Optional<Person> found =
                id != null
                        ? people.findPerson(id)
                        : email != null ? Person.findByEmail(email.strip()) : Optional.empty();
        if (found.isEmpty() && mustMatch && (id != null || email != null)) {
            throw ProblemException.invalid(
                    id != null ? "personId" : "personEmail", "no such person");
        }
        return found.orElse(null);
    }

    /**
     * The asset named by id or by tag (at most one); none when none is named, or when none matches
     * and {@code mustMatch} is false (422 naming the field when it is true).
     */
    private Asset asset(UUID id, String tag, boolean mustMatch) {
        if (id != null && tag != null) {
            throw ProblemException.invalid("assetTag", "give at most one of assetId and assetTag");
        }
        Optional<Asset> found = inventory.find(id, tag);
        if (found.isEmpty() && mustMatch && (id != null || tag != null)) {
            throw ProblemException.invalid(id != null ? "assetId" : "assetTag", "no such asset");
        }
        return found.orElse(null);
    }

    /**
     * The two events of leadership handling a violation (acknowledged, closed) tell the same facts:
     * the violation as reported, then who handled it, when, and in what words.
     */
    private interface HandledEvent<E> {
        E of(
                UUID violationId,
                String description,
                String clause,
                PolicyPerson person,
                PolicyAsset asset,
                PolicyPerson reporter,
                PolicyPerson by,
                Instant at,
                String text);
    }

    private static <E> E handled(
            Violation violation, HandledEvent<E> event, String by, Instant at, String text) {
        return event.of(
                violation.id,
                violation.description,
                LowerCaseEnums.of(violation.clause),
                Directory.person(violation.person),
                Directory.asset(violation.asset),
                Directory.person(violation.reportedBy),
                Directory.person(by),
                at,
                text);
    }

    /** Stores the event of a state change in the outbox, keyed by the violation's id. */
    private void publish(Violation violation, String type, Object event) {
        outbox.append("violation", violation.id, type, "violations/" + violation.id, event);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
