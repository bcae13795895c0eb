package io.custodian.notification.delivery;

/** A rendered alert, the same for every recipient: subject, plain text and HTML body. */
public record Alert(String subject, String text, String html) {}
