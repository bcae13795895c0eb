package io.custodian.notification.archfixtures.delivery;

import jakarta.persistence.EntityManager;

/** A resource that queries the database itself. */
class EntityManagerResource {

    private final EntityManager entities;

    EntityManagerResource(EntityManager entities) {
        this.entities = entities;
    }

    Object find(String id) {
        return entities.find(Object.class, id);
    }
}
