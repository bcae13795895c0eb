package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code policy.exception.expired}, as specified by {@code
 * schemas/policy.exception.expired.json}: an approved exception ran past its last valid day.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExceptionExpired(
        UUID exceptionId,
        String clause,
        String justification,
        List<PolicyAsset> assets,
        PolicyPerson requester,
        PolicyPerson decidedBy,
        LocalDate validUntil,
        Instant expiredAt) {}
