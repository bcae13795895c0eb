package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code policy.violation.closed}, as specified by {@code
 * schemas/policy.violation.closed.json}: leadership closed a violation report with its outcome.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ViolationClosed(
        UUID violationId,
        String description,
        String clause,
        PolicyPerson person,
        PolicyAsset asset,
        PolicyPerson reporter,
        PolicyPerson closedBy,
        Instant closedAt,
        String outcome) {}
