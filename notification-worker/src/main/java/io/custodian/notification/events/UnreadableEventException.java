package io.custodian.notification.events;

/**
 * The event cannot be handled at all, however often it is tried: its data does not parse as its
 * type's payload, or its alert cannot be rendered. Dead-lettered at once.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
