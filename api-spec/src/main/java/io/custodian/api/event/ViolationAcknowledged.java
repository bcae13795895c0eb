package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code policy.violation.acknowledged}, as specified by {@code
 * schemas/policy.violation.acknowledged.json}: leadership took up a violation report.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ViolationAcknowledged(
        UUID violationId,
        String description,
        String clause,
        PolicyPerson person,
        PolicyAsset asset,
        PolicyPerson reporter,
        PolicyPerson acknowledgedBy,
        Instant acknowledgedAt,
        String note) {}
