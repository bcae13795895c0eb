package io.custodian.asset.imports;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of the file, valid as far as the row alone can tell, in the register's terms (enum names
 * upper case as stored). {@code classification} null = keep the asset's (or the default for a new
 * one). {@code originalCategory}: the file's category when it is not one of ours. {@code
 * holderPersonId}: the person the row's assignee names (null = keep the asset's holder); {@code
 * unknownAssignee}: the assignee the directory does not know (row, column, value), for the job's
 * report, or null.
 */
record StagedRow(
        long row,
        String assetTag,
        String name,
        String category,
        String originalCategory,
        String classification,
        String status,
        String serialNumber,
        String manufacturer,
        String model,
        String notes,
        String location,
        LocalDate purchaseDate,
        LocalDate warrantyUntil,
        UUID ownerPersonId,
        UUID ownerGroupId,
        UUID holderPersonId,
        RowError unknownAssignee) {}
