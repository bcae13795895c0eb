package io.custodian.notification.archfixtures.delivery;

import jakarta.ws.rs.core.Response;

/** A resource as it should be: JAX-RS at the edge, the work delegated. Breaks no rule. */
class ThinResource {

    private final Ledger ledger;

    ThinResource(Ledger ledger) {
        this.ledger = ledger;
    }

    Response count() {
        return Response.ok(ledger.count()).build();
    }
}
