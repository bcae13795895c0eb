package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code policy.violation.reported}, as specified by {@code
 * schemas/policy.violation.reported.json}: someone reported a violation of the policy. The person
 * and the asset concerned are present when the reporter named them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ViolationReported(
        UUID violationId,
        String description,
        String clause,
        Instant occurredAt,
        PolicyPerson person,
        PolicyAsset asset,
        PolicyPerson reporter,
        Instant reportedAt) {}
