/** The reminders to attest that an asset is still where the register says. */
package io.custodian.notification.verification;
