/**
 * The bulk import of the register from CSV files: the uploads, the jobs and their rows ({@code
 * import_job}, {@code import_error}, {@code import_change}), the staging table ({@code import_row})
 * and the steps that parse, stage, merge and rebuild.
 */
package io.custodian.asset.imports;
