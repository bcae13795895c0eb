package io.custodian.notification.archfixtures.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A resource that calls a Panache entity itself. */
class PanacheResource {

    long count() {
        return PanacheEntityBase.count();
    }
}
