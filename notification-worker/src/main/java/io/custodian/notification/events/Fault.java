package io.custodian.notification.events;

/**
 * Why an event was given up on and dead-lettered: the {@code reason} tag of {@code
 * custodian.notifications.dead.lettered}, the {@code dead-letter-fault} header of the record.
 */
enum Fault {
    /**
     * No retry can fix it: unreadable data, an alert that cannot be rendered, a target's refusal.
     */
    PERMANENT("permanent"),
    /** A target still failed, for a reason a retry might have fixed, when the window ended. */
    WINDOW_EXHAUSTED("window-exhausted"),
    /** The worker could not handle it for a reason of its own (e.g. its database). */
    ERROR("error");

    final String tag;

    Fault(String tag) {
        this.tag = tag;
    }
}
