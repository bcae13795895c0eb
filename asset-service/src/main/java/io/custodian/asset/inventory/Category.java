package io.custodian.asset.inventory;

/** What kind of asset: devices and information assets alike. */
public enum Category {
    LAPTOP,
    DESKTOP,
    PHONE,
    TABLET,
    HARDWARE_TOKEN,
    REMOVABLE_MEDIA,
    SERVER,
    NETWORK_DEVICE,
    DATABASE,
    SOURCE_REPOSITORY,
    SAAS_TENANT,
    OTHER;

    /** Endpoints carry a security posture (disk encryption, MDM, screen lock). */
    public boolean isEndpoint() {
        return this == LAPTOP || this == DESKTOP || this == PHONE || this == TABLET;
    }
}
