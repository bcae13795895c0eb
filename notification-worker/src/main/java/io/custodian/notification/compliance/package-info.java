/** The alert to leadership when a compliance control turns from passing to failing. */
package io.custodian.notification.compliance;
