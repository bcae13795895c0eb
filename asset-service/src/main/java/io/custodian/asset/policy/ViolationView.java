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
        PolicyPerson person,
        PolicyAsset asset,
        PolicyPerson reportedBy,
        Instant reportedAt,
        PolicyPerson acknowledgedBy,
        Instant acknowledgedAt,
        String acknowledgementNote,
        PolicyPerson closedBy,
        Instant closedAt,
        String outcome) {

    static ViolationView of(Violation v) {
        return of(v, Directory::person);
    }

    static ViolationView of(Violation v, Function<String, PolicyPerson> people) {
        return new ViolationView(
                v.id,
                v.status,
                v.description,
                v.clause,
                v.occurredAt,
                Directory.person(v.person),
                Directory.asset(v.asset),
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
