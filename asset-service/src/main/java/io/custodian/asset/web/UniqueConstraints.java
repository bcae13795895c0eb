package io.custodian.asset.web;

import java.util.Map;

/** Which request field a database unique constraint guards, for 409 problems that name it. */
final class UniqueConstraints {

    private static final Map<String, String> FIELDS =
            Map.of(
                    "asset_tag_uq", "assetTag",
                    "asset_serial_per_manufacturer_uq", "serialNumber",
                    "person_employee_id_uq", "employeeId",
                    "person_email_uq", "email",
                    "asset_group_name_uq", "name");

    private UniqueConstraints() {}

    static String field(String constraint) {
        return FIELDS.entrySet().stream()
                .filter(e -> constraint.toLowerCase().contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("body");
    }
}
