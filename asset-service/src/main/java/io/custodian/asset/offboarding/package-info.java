/**
 * Off-boarding: the return and hand-over of a leaver's assets, from the HR system's start to the
 * person's departure, with waivers and the daily escalation of overdue returns.
 */
package io.custodian.asset.offboarding;
