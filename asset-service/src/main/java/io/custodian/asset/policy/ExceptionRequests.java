package io.custodian.asset.policy;

import io.custodian.api.event.EventTypes;
import io.custodian.api.event.ExceptionDecided;
import io.custodian.api.event.ExceptionExpired;
import io.custodian.api.event.ExceptionRequested;
import io.custodian.api.event.PolicyAsset;
import io.custodian.asset.inventory.Asset;
import io.custodian.asset.inventory.Inventory;
import io.custodian.asset.jobs.ClusterLock;
import io.custodian.asset.outbox.Outbox;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FreeText;
import io.custodian.asset.web.Keyset;
import io.custodian.asset.web.Lifecycle;
import io.custodian.asset.web.Listing;
import io.custodian.asset.web.LowerCaseEnums;
import io.custodian.asset.web.Paged;
import io.custodian.asset.web.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.LockOptions;
import org.jboss.logging.Logger;

/**
 * Exceptions to the policy: anyone signed in (but HR's machine client) requests one, leadership —
 * never the requester — approves or rejects it, and a job expires approvals the day after their
 * last valid day. Every state change stores its {@code policy.exception.*} event in the outbox, in
 * the same transaction, keyed by the exception id. Days are UTC days.
 */
@ApplicationScoped
class ExceptionRequests {

    private static final Logger LOG = Logger.getLogger(ExceptionRequests.class);
    private static final int EXPIRY_BATCH = 200;

    private final Outbox outbox;
    private final ClusterLock jobs;
    private final PolicyConfig config;
    private final Clock clock;
    private final EntityManager db;
    private final Inventory inventory;

    ExceptionRequests(
            Outbox outbox,
            PolicyConfig config,
            Clock clock,
            EntityManager db,
            Inventory inventory,
            ClusterLock jobs) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.db = db;
        this.inventory = inventory;
    }

    record NewRequest(
            @NotNull PolicyClause clause,
            @FreeText @NotBlank @Size(max = 4000) String justification,
            @Size(max = 50) List<UUID> assetIds,
            @NotNull LocalDate wantedUntil) {}

    enum Verdict {
        APPROVE,
        REJECT;
    }

    record Decision(
            @NotNull Verdict decision,
            @FreeText @NotBlank @Size(max = 2000) String note,
            LocalDate validUntil) {}

    @Transactional
    ExceptionView request(@NotNull @Valid NewRequest request, Caller caller) {
        Instant now = now();
        LocalDate today = today(now);
        if (!request.wantedUntil().isAfter(today)) {
            throw ProblemException.invalid(
                    "wantedUntil", "must be a date after today (" + clock.getZone().getId() + ")");
        }
        long maxDays = config.exceptions().maxAhead().toDays();
        if (request.wantedUntil().isAfter(today.plusDays(maxDays))) {
            throw ProblemException.invalid(
                    "wantedUntil", "must be at most " + maxDays + " days ahead");
        }
        ExceptionRequest exception = new ExceptionRequest();
        exception.id = UUID.randomUUID();
        exception.clause = request.clause();
        exception.justification = request.justification().strip();
        exception.status = ExceptionRequest.Status.REQUESTED;
        exception.assets = assets(request.assetIds(), caller);
        exception.requestedBy = caller.email();
        exception.requestedAt = now;
        exception.wantedUntil = request.wantedUntil();
        exception.persist();

        publish(
                exception,
                EventTypes.EXCEPTION_REQUESTED,
                new ExceptionRequested(
                        exception.id,
                        LowerCaseEnums.of(exception.clause),
                        exception.justification,
                        assets(exception),
                        Directory.person(exception.requestedBy),
                        exception.requestedAt,
                        exception.wantedUntil));
        return ExceptionView.of(exception);
    }

    /**
     * Leadership approves or rejects, once; never their own request. An approval holds until {@code
     * validUntil} (default: the wanted date), which lies between today and the wanted date.
     */
    @Transactional
    ExceptionView decide(UUID id, @NotNull @Valid Decision decision, Caller caller) {
        ExceptionRequest exception = find(id);
        if (exception.requestedBy.equalsIgnoreCase(caller.email())) {
            throw ProblemException.forbidden(
                    "Nobody decides their own exception request; another member of leadership"
                            + " must decide it.");
        }
        Lifecycle.require(
                exception.status,
                decision.decision() == Verdict.APPROVE
                        ? ExceptionRequest.Status.APPROVED
                        : ExceptionRequest.Status.REJECTED,
                () ->
                        ProblemException.conflict(
                                "This exception request was already decided: it is "
                                        + LowerCaseEnums.of(exception.status)
                                        + ".",
                                "status",
                                "already " + LowerCaseEnums.of(exception.status)));
        Instant now = now();
        LocalDate validUntil = null;
        if (decision.decision() == Verdict.APPROVE) {
            validUntil =
                    decision.validUntil() == null ? exception.wantedUntil : decision.validUntil();
            if (validUntil.isAfter(exception.wantedUntil)) {
                throw ProblemException.invalid(
                        "validUntil", "must not be after the wanted date " + exception.wantedUntil);
            }
            if (validUntil.isBefore(today(now))) {
                throw ProblemException.invalid(
                        "validUntil",
                        decision.validUntil() == null
                                ? "the wanted date "
                                        + exception.wantedUntil
                                        + " has passed; the requester must ask again"
                                : "must not be in the past");
            }
        } else if (decision.validUntil() != null) {
            throw ProblemException.invalid("validUntil", "only with decision approve");
        }
        exception.status =
                validUntil == null
                        ? ExceptionRequest.Status.REJECTED
                        : ExceptionRequest.Status.APPROVED;
        exception.validUntil = validUntil;
        exception.decidedBy = caller.email();
        exception.decidedAt = now;
        exception.decisionNote = decision.note().strip();
        exception.persistAndFlush();

        publish(
                exception,
                EventTypes.EXCEPTION_DECIDED,
                new ExceptionDecided(
                        exception.id,
                        LowerCaseEnums.of(exception.clause),
                        exception.justification,
                        assets(exception),
                        Directory.person(exception.requestedBy),
                        exception.wantedUntil,
                        validUntil == null ? ExceptionDecided.REJECTED : ExceptionDecided.APPROVED,
                        exception.decisionNote,
                        Directory.person(exception.decidedBy),
                        exception.decidedAt,
                        exception.validUntil));
        return ExceptionView.of(exception);
    }

    /** Admins, leadership and auditors read any; an employee only their own (else 404). */
    @Transactional
    ExceptionView read(UUID id, Caller caller) {
        ExceptionRequest exception = find(id);
        if (!caller.readsEverything() && !exception.requestedBy.equalsIgnoreCase(caller.email())) {
            throw ProblemException.notFound("exception request", id);
        }
        return ExceptionView.of(exception);
    }

    /** GET /api/v1/exceptions: newest first, filters status and requester, keyset pages. */
    @Transactional
    Paged list(Listing listing, Caller caller) {
        Keyset.Request request = Keyset.request(listing, "status", "requester");
        Map<String, List<String>> params = request.params();
        Keyset.Query query =
                new Keyset.Query()
                        .whereGiven(
                                "e.status = :status",
                                "status",
                                Keyset.enumValue(params, "status", ExceptionRequest.Status.class))
                        .whereGiven(
                                "e.requestedBy = :requester",
                                "requester",
                                Keyset.email(params, "requester"));
        if (!caller.readsEverything()) {
            query.where("e.requestedBy = :me", "me", caller.email());
        }
        List<ExceptionRequest> rows =
                request.rows(
                        query,
                        db,
                        "select e from ExceptionRequest e",
                        ExceptionRequest.class,
                        "e.requestedAt",
                        "e.id");
        var people = Directory.memo();
        return request.page(
                rows,
                e -> new Keyset.Position(e.requestedAt, e.id),
                e -> ExceptionView.of(e, people),
                ExceptionView.Page::new);
    }

    /**
     * Every few minutes: approved exceptions past their last valid day become {@code expired}, each
     * with one {@code policy.exception.expired} event (the status change and the event share a
     * transaction, so a second run finds nothing to do).
     */
    @Scheduled(
            cron = "${custodian.policy.exceptions.expiry-cron}",
            timeZone = "${custodian.time-zone}",
            identity = "exception-expiry",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDue() {
        jobs.drainJob(
                "exception-expiry",
                this::expireBatch,
                EXPIRY_BATCH,
                LOG,
                "Expired %d policy exceptions");
    }

    /** One batch in one transaction; rows another instance is expiring are skipped. */
    @Transactional
    int expireBatch() {
        Instant now = now();
        List<ExceptionRequest> due =
                db.createQuery(
                                "select e from ExceptionRequest e where e.status = :approved and"
                                        + " e.validUntil < :today order by e.validUntil, e.id",
                                ExceptionRequest.class)
                        .setParameter("approved", ExceptionRequest.Status.APPROVED)
                        .setParameter("today", today(now))
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                        .setMaxResults(EXPIRY_BATCH)
                        .getResultList();
        for (ExceptionRequest exception : due) {
            exception.status = ExceptionRequest.Status.EXPIRED;
            exception.expiredAt = now;
            publish(
                    exception,
                    EventTypes.EXCEPTION_EXPIRED,
                    new ExceptionExpired(
                            exception.id,
                            LowerCaseEnums.of(exception.clause),
                            exception.justification,
                            assets(exception),
                            Directory.person(exception.requestedBy),
                            Directory.person(exception.decidedBy),
                            exception.validUntil,
                            exception.expiredAt));
        }
        return due.size();
    }

    private static ExceptionRequest find(UUID id) {
        return ExceptionRequest.<ExceptionRequest>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("exception request", id));
    }

    /**
     * The assets a request names. An employee names only assets they hold or own (personally or
     * through a group); any other is refused exactly as an unknown id is, so the request neither
     * confirms that it exists nor echoes its tag and name back.
     */
    private List<Asset> assets(List<UUID> ids, Caller caller) {
        List<Asset> assets = new ArrayList<>();
        if (ids == null) {
            return assets;
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            String field = "assetIds[" + i + "]";
            if (id == null) {
                throw ProblemException.invalid(field, "must not be null");
            }
            if (!seen.add(id)) {
                throw ProblemException.invalid(field, "listed twice");
            }
            Asset asset =
                    inventory
                            .find(id, null)
                            .filter(
                                    a ->
                                            caller.readsEverything()
                                                    || a.isHeldOrOwnedBy(caller.email()))
                            .orElseThrow(() -> ProblemException.invalid(field, "no such asset"));
            assets.add(asset);
        }
        return assets;
    }

    private static List<PolicyAsset> assets(ExceptionRequest exception) {
        return exception.assets.stream().map(Directory::asset).toList();
    }

    /** Stores the event of a state change in the outbox, keyed by the exception's id. */
    private void publish(ExceptionRequest exception, String type, Object event) {
        outbox.append("exception", exception.id, type, "exceptions/" + exception.id, event);
    }

    /** Now, to the microsecond the database keeps, so cursors compare equal to stored values. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** The company's date at this instant (its clock's zone, {@code custodian.time-zone}). */
    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, clock.getZone());
    }
}
