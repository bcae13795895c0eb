/**
 * Migration into the register: CSV files (Snipe-IT or Custodian dialect) uploaded, staged,
 * validated and merged as import jobs; owns tables import_job, import_error, import_change and the
 * staging tables.
 */
package io.custodian.asset.imports;
