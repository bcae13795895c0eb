package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code asset.incident.contained}, as specified by {@code
 * schemas/asset.incident.contained.json}: the first containment action moved an open incident to
 * {@code contained}. Exactly one of {@code asset} and {@code device} is present, as in {@link
 * IncidentReported}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentContained(
        UUID incidentId,
        String kind,
        String status,
        Instant occurredAt,
        Instant reportedAt,
        boolean late,
        String location,
        String reportedBy,
        IncidentReported.Asset asset,
        IncidentReported.Device device,
        IncidentReported.Party owner,
        IncidentReported.Party holder,
        Instant containedAt,
        String containedBy,
        List<Action> actions) {

    /**
     * A containment action: {@code access-revoked}, {@code remote-lock-requested}, {@code
     * remote-wipe-requested}, {@code credentials-rotated} or {@code other}; who and when.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(String action, String note, String by, Instant at) {}
}
