package io.custodian.notification.archfixtures.reports;

import io.custodian.notification.archfixtures.records.Recipient;

/** Writes its own query against a read type of another feature. */
class RecipientQuery {
    int count() {
        return Recipient.find("from Recipient").size();
    }
}
