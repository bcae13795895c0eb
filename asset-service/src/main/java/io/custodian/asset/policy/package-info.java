/**
 * Policy exceptions (requested, decided by leadership, expiring) and violation reports
 * (acknowledged and closed by leadership); owns tables policy_exception, policy_exception_asset,
 * policy_violation.
 */
package io.custodian.asset.policy;
