/**
 * Consuming Custodian CloudEvents from Kafka (the only package that knows the broker): handing each
 * to its type's handler, parking what cannot be delivered yet, dead-lettering what never will be.
 */
package io.custodian.notification.events;
