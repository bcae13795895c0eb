package io.custodian.asset.history;

import org.hibernate.envers.RevisionListener;

/** Stamps every revision with the actor who caused it. */
public class ActorRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        ((Revision) revisionEntity).actor = Actors.current();
    }
}
