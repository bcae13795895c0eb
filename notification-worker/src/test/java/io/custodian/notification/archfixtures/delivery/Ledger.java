package io.custodian.notification.archfixtures.delivery;

/** The service a thin resource delegates to. */
class Ledger {

    long count() {
        return 0;
    }
}
