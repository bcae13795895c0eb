package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code asset.incident.closed}, as specified by {@code
 * schemas/asset.incident.closed.json}: an incident was closed ({@code outcome} {@code closed}) or
 * its device recovered ({@code recovered}: the asset went back to stock). Exactly one of {@code
 * asset} and {@code device} is present, as in {@link IncidentReported}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentClosed(
        UUID incidentId,
        String kind,
        String outcome,
        Instant occurredAt,
        Instant reportedAt,
        boolean late,
        String location,
        String reportedBy,
        IncidentReported.Asset asset,
        String assetStatus,
        IncidentReported.Device device,
        IncidentReported.Party owner,
        IncidentReported.Party holder,
        Instant containedAt,
        Instant closedAt,
        String closedBy,
        String note,
        List<IncidentContained.Action> actions) {}
