package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code asset.verification.due}, as specified by {@code
 * schemas/asset.verification.due.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationDue(
        UUID assetId,
        String assetTag,
        String name,
        String category,
        String classification,
        Instant lastVerifiedAt,
        Instant nextVerificationDue,
        boolean overdue,
        IncidentReported.Party owner,
        IncidentReported.Party holder) {}
