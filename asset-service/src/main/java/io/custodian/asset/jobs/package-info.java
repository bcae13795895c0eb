/**
 * Plumbing for the features' scheduled jobs: work drained in batches, each batch its own
 * transaction, so a large backlog never becomes one long transaction.
 */
package io.custodian.asset.jobs;
