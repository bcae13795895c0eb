/**
 * Audit evidence computed live (issue 20): one check per ISO/IEC 27001:2022 control (A.5.9
 * inventory, A.5.10 acceptable use, A.5.11 return of assets, A.6.5 after termination, A.8.1
 * endpoint devices) with its population, counts, failing and excepted items, for a period and with
 * a reproducible sample and its evidence rows; and the non-compliant devices report (the A.8.1 rule
 * as a list); the daily snapshot of every control's counts (the trend) and {@code
 * compliance.control.failing} when a control turns failing. Owns one table, {@code
 * compliance_snapshot} ({@link io.custodian.asset.compliance.ControlSnapshots}); {@link
 * io.custodian.asset.compliance.ControlSearch} reads the other features' tables in set-based,
 * read-only SQL (the documented exception of docs/architecture.md), never writes them, and never
 * loads a population into memory.
 */
package io.custodian.asset.compliance;
