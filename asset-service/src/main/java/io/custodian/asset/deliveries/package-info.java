/**
 * What the notification worker delivered, as it reported it ({@code notification.delivered} on
 * {@code custodian.deliveries}): the proof of who was told of what, and when, with the Message-ID.
 * Owns {@code alert_delivery}; the A.6.8 control reads it.
 */
package io.custodian.asset.deliveries;
