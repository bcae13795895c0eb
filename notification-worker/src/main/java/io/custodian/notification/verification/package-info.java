/**
 * The reminders to attest that an asset is still where the register says, and the word to IT when
 * its holder or owner says they do not have it.
 */
package io.custodian.notification.verification;
