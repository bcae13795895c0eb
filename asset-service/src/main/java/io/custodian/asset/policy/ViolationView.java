package io.custodian.asset.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.custodian.api.event.PolicyAsset;
import io.custodian.api.event.PolicyPerson;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A violation report as the API shows it; map it inside the transaction. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ViolationView(
        UUID id,
        Violation.Status status,
        String description,
        PolicyClause clause,
        Instant occurredAt,
        String personReference,
        PolicyPerson person,
        String assetReference,
        PolicyAsset asset,
        PolicyPerson reportedBy,
        Instant reportedAt,
        PolicyPerson acknowledgedBy,
        Instant acknowledgedAt,
        String acknowledgementNote,
        PolicyPerson closedBy,
        Instant closedAt,
        String outcome) {

    /**
     * The report as this caller may see it: the references as the reporter wrote them, and the
     * person and asset they matched only for a caller who reads every object (an employee sees what
     * they sent and nothing of the register).
     */
    static ViolationView of(Violation v, boolean readsEverything) {
        return of(v, Directory::person, readsEverything);
    }

    static ViolationView of(
            Violation v, Function<String, PolicyPerson> people, boolean readsEverything) {
        return new ViolationView(
                v.id,
                v.status,
                v.description,
                v.clause,
                v.occurredAt,
                v.personReference,
                readsEverything ? Directory.person(v.person) : null,
                v.assetReference,
                readsEverything ? Directory.asset(v.asset) : null,
                people.apply(v.reportedBy),
                v.reportedAt,
                people.apply(v.acknowledgedBy),
                v.acknowledgedAt,
                v.acknowledgementNote,
                people.apply(v.closedBy),
                v.closedAt,
                v.outcome);
    }

    /** One page of a list; {@code next} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<ViolationView> items, String next) {}
}
