package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code asset.incident.reported}, as specified by {@code
 * schemas/asset.incident.reported.json}. Written by asset-service, read by notification-worker:
 * both use this one type, and a test in this module checks it against the schema.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentReported(
        UUID incidentId,
        String kind,
        Instant occurredAt,
        Instant reportedAt,
        long reportingDelaySeconds,
        boolean late,
        String location,
        String circumstances,
        String policeReference,
        String reportedBy,
        Asset asset,
        Party owner,
        Party holder) {

    /** The asset as it was when reported. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Asset(
            UUID id,
            String assetTag,
            String name,
            String category,
            String classification,
            String serialNumber,
            String previousStatus) {}

    /** A person or a group: the asset's owner or its holder. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(String type, UUID id, String name, String email) {}
}
