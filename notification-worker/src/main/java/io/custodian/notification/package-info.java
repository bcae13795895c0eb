/**
 * The notification worker: its configuration ({@code custodian.*}) and the small helpers every
 * feature shares (retry backoff, blocking work off the event loop).
 */
package io.custodian.notification;
