/**
 * Delivering alerts once to each routed target (e-mail, chat, webhook), the delivery ledger and the
 * delivery log it serves.
 */
package io.custodian.notification.delivery;
