package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code policy.exception.requested}, as specified by {@code
 * schemas/policy.exception.requested.json}: someone asks leadership for an exception to the policy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExceptionRequested(
        UUID exceptionId,
        String clause,
        String justification,
        List<PolicyAsset> assets,
        PolicyPerson requester,
        Instant requestedAt,
        LocalDate wantedUntil) {}
