package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code policy.exception.decided}, as specified by {@code
 * schemas/policy.exception.decided.json}: leadership approved or rejected an exception request.
 * {@code validUntil} is present for approvals only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExceptionDecided(
        UUID exceptionId,
        String clause,
        String justification,
        List<PolicyAsset> assets,
        PolicyPerson requester,
        LocalDate wantedUntil,
        String decision,
        String note,
        PolicyPerson decidedBy,
        Instant decidedAt,
        LocalDate validUntil) {

    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
}
