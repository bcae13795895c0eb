/**
 * SCIM 2.0 provisioning by the identity provider: users (create, replace, patch, deprovision, which
 * starts an off-boarding) and groups (the teams that own assets, with their members; a deleted
 * group is deactivated); reads and writes people and groups through ownership.
 */
package io.custodian.asset.scim;
