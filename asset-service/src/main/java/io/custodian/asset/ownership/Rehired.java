package io.custodian.asset.ownership;

/**
 * A departed person was made active again by HR, fired in the transaction that did it (observed by
 * off-boarding, which owns the departures and announces the end of this one).
 *
 * @param person the person, as they are after the change
 * @param source how HR said it
 */
public record Rehired(Person person, Source source) {

    /** The directory sync ({@code PUT /api/v1/people/by-employee-id/…}) or SCIM. */
    public enum Source {
        SYNC,
        SCIM
    }
}
