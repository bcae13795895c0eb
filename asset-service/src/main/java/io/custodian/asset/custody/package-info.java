/**
 * Custody of assets: the acceptable-use rules (versioned) and their acknowledgements, and the
 * check-out and check-in that hand an asset to a person and take it back; owns tables
 * acceptable_use_version, acceptable_use_ack, custody.
 */
package io.custodian.asset.custody;
