/**
 * The alerts of an off-boarding (started, items overdue, completed); a completed one also marks its
 * person departed.
 */
package io.custodian.notification.offboarding;
