package io.custodian.api.identity;

/**
 * Which claim binds a token to a person, the same in both services ({@code
 * custodian.security.identity}, env {@code CUSTODIAN_IDENTITY}; SECURITY.md, "Identity").
 */
public enum IdentityClaim {
    /** The token's e-mail claim ({@link TokenRules#email}), trusted unless marked unverified. */
    EMAIL,
    /**
     * The identity provider's subject ({@link TokenRules#subject}, in {@code
     * custodian.security.subject-claim}) that HR or SCIM recorded for the person.
     */
    SUBJECT
}
