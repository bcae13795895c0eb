package io.custodian.asset.export;

import io.custodian.asset.inventory.AssetStatus;
import io.custodian.asset.inventory.Category;
import io.custodian.asset.inventory.Classification;
import io.custodian.asset.web.LowerCaseEnums;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One asset as the export writes it: the columns of Custodian's own import dialect, read by a
 * projection (no entity enters the persistence context, so a million rows cost no more memory than
 * one).
 */
public record ExportRow(
        String assetTag,
        String name,
        Category category,
        String originalCategory,
        Classification classification,
        AssetStatus status,
        String serialNumber,
        String manufacturer,
        String model,
        UUID ownerPersonId,
        String ownerPersonName,
        String ownerPersonEmail,
        UUID ownerGroupId,
        String ownerGroupName,
        String holderEmail,
        String location,
        LocalDate purchaseDate,
        LocalDate warrantyUntil,
        Boolean diskEncrypted,
        Boolean mdmEnrolled,
        Boolean screenLock,
        Instant lastVerifiedAt,
        Instant nextVerificationDue,
        String notes) {

    /**
     * The query's select list, on {@code Asset a} with owners {@code op}/{@code og}, holder {@code
     * h}.
     */
    static final String SELECT =
            "select new io.custodian.asset.export.ExportRow(a.assetTag, a.name, a.category,"
                + " a.originalCategory, a.classification, a.status, a.serialNumber, a.manufacturer,"
                + " a.model, op.id, op.displayName, op.email, og.id, og.name, h.email, a.location,"
                + " a.purchaseDate, a.warrantyUntil, a.diskEncrypted, a.mdmEnrolled, a.screenLock,"
                + " a.lastVerifiedAt, a.nextVerificationDue, a.notes) from Asset a left join"
                + " a.ownerPerson op left join a.ownerGroup og left join a.holder h";

    /** A column: its header (CSV) or field name (JSON), and its value in a row. */
    record Column(String name, Function<ExportRow, Object> value) {}

    /** The columns, in order: the header row of the CSV and the fields of each JSON object. */
    static final List<Column> COLUMNS =
            List.of(
                    new Column("assetTag", ExportRow::assetTag),
                    new Column("name", ExportRow::name),
                    new Column("category", ExportRow::category),
                    new Column("originalCategory", ExportRow::originalCategory),
                    new Column("classification", ExportRow::classification),
                    new Column("status", ExportRow::status),
                    new Column("serialNumber", ExportRow::serialNumber),
                    new Column("manufacturer", ExportRow::manufacturer),
                    new Column("model", ExportRow::model),
                    // what the import's "owner" column takes: a person's e-mail or a group's name
                    new Column(
                            "owner",
                            r -> r.ownerPersonId != null ? r.ownerPersonEmail : r.ownerGroupName),
                    new Column("ownerType", r -> r.ownerPersonId != null ? "person" : "group"),
                    new Column(
                            "ownerId",
                            r -> r.ownerPersonId != null ? r.ownerPersonId : r.ownerGroupId),
                    new Column(
                            "ownerName",
                            r -> r.ownerPersonId != null ? r.ownerPersonName : r.ownerGroupName),
                    new Column("holderEmail", ExportRow::holderEmail),
                    new Column("location", ExportRow::location),
                    new Column("purchaseDate", ExportRow::purchaseDate),
                    new Column("warrantyUntil", ExportRow::warrantyUntil),
                    new Column("diskEncrypted", ExportRow::diskEncrypted),
                    new Column("mdmEnrolled", ExportRow::mdmEnrolled),
                    new Column("screenLock", ExportRow::screenLock),
                    new Column("lastVerifiedAt", ExportRow::lastVerifiedAt),
                    new Column("nextVerificationDue", ExportRow::nextVerificationDue),
                    new Column("notes", ExportRow::notes));

    /** A value as text: enums as the API spells them, dates ISO 8601; null stays null. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return LowerCaseEnums.of(e);
        }
        return value.toString();
    }
}
