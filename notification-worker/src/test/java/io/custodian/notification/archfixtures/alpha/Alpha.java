package io.custodian.notification.archfixtures.alpha;

import io.custodian.notification.archfixtures.beta.Beta;

/** One side of a cycle between two features. */
public class Alpha {

    public Beta partner() {
        return new Beta();
    }
}
