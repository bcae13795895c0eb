package io.custodian.asset.compliance;

import java.util.Arrays;
import java.util.Optional;

/** The ISO/IEC 27001:2022 Annex A controls Custodian checks, each with its rule in plain words. */
enum Control {
    A_5_9(
            "A.5.9",
            "Inventory of information and other associated assets",
            "Every asset in scope (not retired, disposed, lost or stolen) has an active owner (a"
                + " person whose status is active, or a group that is not deactivated and has at"
                + " least one active member), has a classification, and was verified within its"
                + " cadence; every device the MDM reports is in the register.",
            "inventory"),
    A_5_10(
            "A.5.10",
            "Acceptable use of information and other associated assets",
            "Every active person acknowledged the current acceptable-use version within %s of"
                    + " joining or of the version's publication, whichever is later.",
            null),
    A_5_11(
            "A.5.11",
            "Return of assets",
            "Every asset a leaver held was returned (checked in, reported lost or waived) by the"
                    + " last working day plus %s.",
            null),
    A_6_5(
            "A.6.5",
            "Responsibilities after termination or change of employment",
            "Every off-boarding was started no later than the leaver's last working day, and every"
                + " asset the leaver owned was transferred to a new owner by the last working day"
                + " plus %s.",
            null),
    A_6_8(
            "A.6.8",
            "Information security event reporting",
            "Every loss or theft was reported within the late threshold after it happened, and"
                    + " %s were each notified within %s of the report (the worker's delivery, with"
                    + " its Message-ID).",
            null),
    A_8_1(
            "A.8.1",
            "User endpoint devices",
            "Every endpoint device in use (laptop, desktop, phone, tablet) is disk-encrypted,"
                    + " enrolled in the MDM and has a screen lock, and the MDM reported its posture"
                    + " within the last %s; a device with an approved, unexpired exception for the"
                    + " handling clause is excepted.",
            "handling");

    final String id;
    final String title;
    final String rule;

    /**
     * The policy clause whose approved, unexpired exceptions excuse an asset from this control (the
     * API's lower-case clause name); null when no exception applies.
     */
    final String exceptionClause;

    Control(String id, String title, String rule, String exceptionClause) {
        this.id = id;
        this.title = title;
        this.rule = rule;
        this.exceptionClause = exceptionClause;
    }

    static Optional<Control> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
