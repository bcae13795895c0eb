package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code asset.discrepancy.reported}, as specified by {@code
 * schemas/asset.discrepancy.reported.json}: someone the register names as the asset's holder or
 * owner says they do not have it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiscrepancyReported(
        UUID assetId,
        String assetTag,
        String name,
        String category,
        String classification,
        String status,
        Instant reportedAt,
        String reportedBy,
        String note,
        IncidentReported.Party owner,
        IncidentReported.Party holder) {}
