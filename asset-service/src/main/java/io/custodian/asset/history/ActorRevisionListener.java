package io.custodian.asset.history;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.time.Clock;
import java.time.Instant;
import org.hibernate.envers.RevisionListener;

/**
 * Stamps every revision with the actor who caused it, and with the time of the one clock every
 * feature reads (Envers would take the machine's; the history would then disagree with the records'
 * own timestamps wherever the clock is not the machine's).
 */
public class ActorRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        Revision revision = (Revision) revisionEntity;
        revision.actor = Actors.current();
        ArcContainer container = Arc.container();
        if (container != null) {
            revision.at = Instant.now(container.instance(Clock.class).get());
        }
    }
}
