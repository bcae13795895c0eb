package io.custodian.asset.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Device security posture of an endpoint; a null field is not known yet. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Posture(Boolean diskEncrypted, Boolean mdmEnrolled, Boolean screenLock) {

    static Posture of(Asset a) {
        return a.category.isEndpoint()
                ? new Posture(a.diskEncrypted, a.mdmEnrolled, a.screenLock)
                : null;
    }
}
