package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code asset.incident.reported}, as specified by {@code
 * schemas/asset.incident.reported.json}. Written by asset-service, read by notification-worker:
 * both use this one type, and a test in this module checks it against the schema.
 *
 * <p>Exactly one of {@code asset} (an inventory device, with its {@code owner}) and {@code device}
 * (an unregistered personal device with company access, whose user is the reporter) is present.
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
        Party holder,
        Device device) {

    /** An inventory asset's incident (no personal device). */
    public IncidentReported(
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
        this(
                incidentId,
                kind,
                occurredAt,
                reportedAt,
                reportingDelaySeconds,
                late,
                location,
                circumstances,
                policeReference,
                reportedBy,
                asset,
                owner,
                holder,
                null);
    }

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

    /** An unregistered personal device with company access: phone, laptop, tablet or other. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Device(String type, String description) {}
}
