package io.custodian.asset.offboarding;

import io.custodian.asset.ownership.Person;
import io.custodian.asset.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

/**
 * The signed-in person's return checklist, for the console's templates ({@code
 * inject:returns.mine}): My assets links to it while they have an open off-boarding, without the
 * register knowing of off-boardings.
 */
@ApplicationScoped
@Named("returns")
public class ReturnChecklist {

    private final OffboardingStore store;
    private final Caller caller;

    ReturnChecklist(OffboardingStore store, Caller caller) {
        this.store = store;
        this.caller = caller;
    }

    /** The page of the caller's open off-boarding, or null when they have none. */
    @Transactional
    public String mine() {
        return Person.findByEmail(caller.email())
                .map(store::openOf)
                .map(open -> "/console/offboarding?id=" + open.id)
                .orElse(null);
    }
}
