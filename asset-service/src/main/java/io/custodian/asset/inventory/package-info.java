/**
 * The register of devices and information assets: classification, status lifecycle, ownership and
 * holder fields, device posture, verification on a cadence, search; owns tables asset,
 * asset_verification.
 */
package io.custodian.asset.inventory;
