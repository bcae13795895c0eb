/**
 * The register export (CSV and JSON, streamed through a database cursor) and the record of every
 * export; owns table export_log.
 */
package io.custodian.asset.export;
