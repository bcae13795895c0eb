/**
 * The history of every asset (Hibernate Envers revisions with their actor and time) and its read
 * API; owns tables revinfo and the *_aud tables.
 */
package io.custodian.asset.history;
