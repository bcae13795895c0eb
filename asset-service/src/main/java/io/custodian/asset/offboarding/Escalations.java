package io.custodian.asset.offboarding;

import io.custodian.asset.jobs.ClusterLock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The daily job that escalates overdue returns: one escalation per overdue off-boarding and day.
 */
@ApplicationScoped
class Escalations {

    private static final Logger LOG = Logger.getLogger(Escalations.class);
    private static final int BATCH = 200;

    private final OffboardingStore store;
    private final ClusterLock jobs;
    private final OffboardingEvents events;
    private final Clock clock;

    Escalations(OffboardingStore store, OffboardingEvents events, Clock clock, ClusterLock jobs) {
        this.jobs = jobs;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Daily: one escalation per overdue off-boarding and day. */
    @Scheduled(
            cron = "${custodian.offboarding.escalation-cron}",
            timeZone = "${custodian.time-zone}",
            identity = "offboarding-escalations")
    void escalateDaily() {
        jobs.drainJob(
                "offboarding-escalations",
                this::escalateBatch,
                BATCH,
                LOG,
                "Escalated %d off-boardings with overdue returns");
    }

    /** One batch of escalations in one transaction; returns how many were sent. */
    @Transactional
    int escalateBatch() {
        LocalDate today = LocalDate.now(clock);
        List<Offboarding> overdue = store.toEscalate(today, BATCH);
        if (overdue.isEmpty()) {
            return 0;
        }
        Map<UUID, List<OffboardingItem>> items =
                store.itemsOf(overdue.stream().map(o -> o.id).toList());
        for (Offboarding o : overdue) {
            o.escalatedOn = today;
            events.returnOverdue(o, today, items.getOrDefault(o.id, List.of()));
        }
        return overdue.size();
    }
}
