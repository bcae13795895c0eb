package io.custodian.asset.imports;

/**
 * Why a row of the file was rejected: its number (the header is row 1), the column and the reason.
 */
record RowError(long row, String column, String reason) {}
