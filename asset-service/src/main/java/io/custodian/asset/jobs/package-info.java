/**
 * Plumbing for the features' scheduled jobs: work drained in batches, each batch its own
 * transaction, so a large backlog never becomes one long transaction; and work that one replica at
 * a time does across every instance of the service ({@link io.custodian.asset.jobs.ClusterLock}).
 */
package io.custodian.asset.jobs;
