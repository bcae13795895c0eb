/**
 * SCIM 2.0 provisioning of users by the identity provider: create, replace, patch, deprovision
 * (which starts an off-boarding); reads and writes people through ownership.
 */
package io.custodian.asset.scim;
