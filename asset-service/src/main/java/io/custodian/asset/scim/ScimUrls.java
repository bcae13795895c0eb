package io.custodian.asset.scim;

/** Where this server's SCIM resources are: {@code base} is the absolute URL of {@code /scim/v2}. */
record ScimUrls(String base) {

    String users() {
        return base + "/Users";
    }

    String groups() {
        return base + "/Groups";
    }
}
