package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code policy.violation.reported}, as specified by {@code
 * schemas/policy.violation.reported.json}: someone reported a violation of the policy. The person
 * and the asset concerned are present when the reporter named them and they exist; a name that
 * matches nothing is kept as written ({@code personReference}, {@code assetReference}).
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
        Instant reportedAt,
        String personReference,
        String assetReference) {

    /** A report whose references all matched (or named nothing). */
    public ViolationReported(
            UUID violationId,
            String description,
            String clause,
            Instant occurredAt,
            PolicyPerson person,
            PolicyAsset asset,
            PolicyPerson reporter,
            Instant reportedAt) {
        this(
                violationId,
                description,
                clause,
                occurredAt,
                person,
                asset,
                reporter,
                reportedAt,
                null,
                null);
    }
}
