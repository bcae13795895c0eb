package io.custodian.notification.archfixtures.beta;

import io.custodian.notification.archfixtures.alpha.Alpha;

/** The other side of the cycle. */
public class Beta {

    public Alpha partner() {
        return new Alpha();
    }
}
