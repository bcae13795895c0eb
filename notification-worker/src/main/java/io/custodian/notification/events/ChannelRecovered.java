package io.custodian.notification.events;

/**
 * A channel's server is reachable again after an outage (fired by the delivery's outage watch):
 * what waits for it, the parked events included, may go now.
 */
public record ChannelRecovered(String channel) {}
