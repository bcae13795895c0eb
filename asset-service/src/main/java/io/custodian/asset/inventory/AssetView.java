package io.custodian.asset.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.custodian.asset.ownership.Party;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An asset as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssetView(
        UUID id,
        String assetTag,
        String name,
        Category category,
        String originalCategory,
        Classification classification,
        AssetStatus status,
        String serialNumber,
        String manufacturer,
        String model,
        String notes,
        String location,
        LocalDate purchaseDate,
        LocalDate warrantyUntil,
        Posture posture,
        String osVersion,
        Instant lastCheckInAt,
        Instant postureReportedAt,
        String postureSource,
        Party owner,
        Party holder,
        Instant lastVerifiedAt,
        Instant nextVerificationDue,
        Discrepancy discrepancy,
        Instant createdAt,
        Instant updatedAt,
        @JsonIgnore long version) {

    public static AssetView of(Asset a) {
        return new AssetView(
                a.id,
                a.assetTag,
                a.name,
                a.category,
                a.originalCategory,
                a.classification,
                a.status,
                a.serialNumber,
                a.manufacturer,
                a.model,
                a.notes,
                a.location,
                a.purchaseDate,
                a.warrantyUntil,
                Posture.of(a),
                a.osVersion,
                a.lastCheckInAt,
                a.postureReportedAt,
                a.postureSource,
                a.ownerPerson != null ? Party.of(a.ownerPerson) : Party.of(a.ownerGroup),
                Party.of(a.holder),
                a.lastVerifiedAt,
                a.nextVerificationDue,
                Discrepancy.of(a),
                a.createdAt,
                a.updatedAt,
                a.version);
    }

    /** An open "I don't have this": who said it, when, and their note. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Discrepancy(Instant reportedAt, String reportedBy, String note) {

        static Discrepancy of(Asset a) {
            return a.discrepancyReportedAt == null
                    ? null
                    : new Discrepancy(
                            a.discrepancyReportedAt, a.discrepancyReportedBy, a.discrepancyNote);
        }
    }
}
