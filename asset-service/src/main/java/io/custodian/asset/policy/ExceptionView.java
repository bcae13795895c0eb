package io.custodian.asset.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.custodian.api.event.PolicyAsset;
import io.custodian.api.event.PolicyPerson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** An exception request as the API shows it; map it inside the transaction. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExceptionView(
        UUID id,
        PolicyClause clause,
        ExceptionRequest.Status status,
        String justification,
        List<PolicyAsset> assets,
        PolicyPerson requestedBy,
        Instant requestedAt,
        LocalDate wantedUntil,
        PolicyPerson decidedBy,
        Instant decidedAt,
        String decisionNote,
        LocalDate validUntil,
        Instant expiredAt) {

    static ExceptionView of(ExceptionRequest e) {
        return of(e, Directory::person);
    }

    static ExceptionView of(ExceptionRequest e, Function<String, PolicyPerson> people) {
        return new ExceptionView(
                e.id,
                e.clause,
                e.status,
                e.justification,
                e.assets.stream().map(Directory::asset).toList(),
                people.apply(e.requestedBy),
                e.requestedAt,
                e.wantedUntil,
                people.apply(e.decidedBy),
                e.decidedAt,
                e.decisionNote,
                e.validUntil,
                e.expiredAt);
    }

    /** One page of a list; {@code next} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<ExceptionView> items, String next) {}
}
