/** The alerts on lost and stolen devices: an incident reported, contained, closed. */
package io.custodian.notification.incident;
