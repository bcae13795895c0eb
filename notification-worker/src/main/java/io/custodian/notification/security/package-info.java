/**
 * Who may read the worker's API: trusted tokens only, and no role for a departed person (the
 * worker's record of departures).
 */
package io.custodian.notification.security;
