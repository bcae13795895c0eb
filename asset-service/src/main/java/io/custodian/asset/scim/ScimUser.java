package io.custodian.asset.scim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.custodian.asset.ownership.Person;
import java.time.Instant;
import java.util.List;

/**
 * A person of the directory as a SCIM User (RFC 7643 §4.1 and the enterprise extension §4.3):
 * {@code id} is the person's id, {@code userName} and the one e-mail their address, {@code
 * externalId} and {@code employeeNumber} their employee id, {@code active} whether their status is
 * {@code active}, and the manager's {@code value} the manager's SCIM id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScimUser(
        List<String> schemas,
        String id,
        String externalId,
        String userName,
        Name name,
        String displayName,
        List<Email> emails,
        boolean active,
        @JsonProperty(ENTERPRISE) Enterprise enterprise,
        @JsonProperty(CUSTODIAN) Custodian custodian,
        Meta meta)
        implements ScimEndpoint.Resource {

    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** Custodian's extension: the identity provider's subject of the person. */
    static final String CUSTODIAN = "urn:ietf:params:scim:schemas:extension:custodian:2.0:User";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Name(String formatted, String familyName, String givenName) {}

    record Email(String value, String type, boolean primary) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Enterprise(String employeeNumber, Manager manager) {}

    record Custodian(String subject) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Manager(String value, @JsonProperty("$ref") String ref, String displayName) {}

    record Meta(
            String resourceType,
            Instant created,
            Instant lastModified,
            String location,
            String version) {}

    /** Map inside the transaction: the manager is a lazy association. */
    static ScimUser of(Person p, String usersUrl) {
        Manager manager =
                p.manager == null
                        ? null
                        : new Manager(
                                p.manager.id.toString(),
                                usersUrl + "/" + p.manager.id,
                                p.manager.displayName);
        return new ScimUser(
                p.subject == null
                        ? List.of(CORE, ENTERPRISE)
                        : List.of(CORE, ENTERPRISE, CUSTODIAN),
                p.id.toString(),
                p.employeeId,
                userName(p),
                new Name(p.displayName, p.familyName, p.givenName),
                p.displayName,
                List.of(new Email(p.email, "work", true)),
                p.status == Person.Status.ACTIVE,
                new Enterprise(p.employeeId, manager),
                p.subject == null ? null : new Custodian(p.subject),
                new Meta(
                        "User",
                        p.createdAt,
                        p.updatedAt,
                        usersUrl + "/" + p.id,
                        ScimEtags.etag(p.version)));
    }

    /** The person's userName: as the identity provider sent it, while it is still their e-mail. */
    static String userName(Person p) {
        return p.scimUserName != null && p.scimUserName.equalsIgnoreCase(p.email)
                ? p.scimUserName
                : p.email;
    }
}
