package io.custodian.asset.security;

/** The roles of the brief, as they appear in the token's {@code groups} claim. */
public final class Roles {
    public static final String ASSET_ADMIN = "asset-admin";
    public static final String EMPLOYEE = "employee";
    public static final String HR_SYSTEM = "hr-system";
    public static final String LEADERSHIP = "leadership";
    public static final String AUDITOR = "auditor";

    /** The MDM sync (machine client): sends device posture reports, nothing else. */
    public static final String MDM_SYNC = "mdm-sync";

    private Roles() {}
}
