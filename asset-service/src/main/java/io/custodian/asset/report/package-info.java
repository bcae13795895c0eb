/**
 * The home of /api/v1/reports: the compliance reports read from the register and the record of
 * exports.
 */
package io.custodian.asset.report;
