package io.custodian.asset.scim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.custodian.asset.ownership.Group;
import java.util.Comparator;
import java.util.List;

/**
 * A Custodian group as a SCIM Group (RFC 7643 §4.2): {@code id} is the group's id, {@code
 * displayName} its name, {@code members} its members, each a SCIM User by its id; {@code
 * externalId} the identity provider's, as it sent it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScimGroup(
        List<String> schemas,
        String id,
        String externalId,
        String displayName,
        List<Member> members,
        ScimUser.Meta meta)
        implements ScimEndpoint.Resource {

    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:Group";

    record Member(String value, @JsonProperty("$ref") String ref, String display, String type) {}

    /** Map inside the transaction: the members are a lazy association. */
    static ScimGroup of(Group g, String groupsUrl, String usersUrl) {
        return new ScimGroup(
                List.of(CORE),
                g.id.toString(),
                g.scimExternalId,
                g.name,
                g.members.stream()
                        .sorted(Comparator.comparing(p -> p.id))
                        .map(
                                p ->
                                        new Member(
                                                p.id.toString(),
                                                usersUrl + "/" + p.id,
                                                p.displayName,
                                                "User"))
                        .toList(),
                new ScimUser.Meta(
                        "Group",
                        g.createdAt,
                        g.updatedAt,
                        groupsUrl + "/" + g.id,
                        ScimEtags.etag(g.version)));
    }
}
