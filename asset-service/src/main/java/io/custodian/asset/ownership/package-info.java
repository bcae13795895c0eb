/**
 * People and groups, the accountable owners and holders of assets, kept in sync by HR; owns tables
 * person, asset_group, group_member.
 */
package io.custodian.asset.ownership;
