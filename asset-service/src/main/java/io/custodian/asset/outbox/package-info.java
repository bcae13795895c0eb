/**
 * The transactional outbox: events stored with the change that caused them and relayed to Kafka as
 * CloudEvents; owns table outbox_event and is the only package that knows Kafka.
 */
package io.custodian.asset.outbox;
