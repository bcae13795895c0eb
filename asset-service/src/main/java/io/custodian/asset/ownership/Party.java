package io.custodian.asset.ownership;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** A person or a group as it appears in responses: an owner or a holder. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Party(Type type, UUID id, String name, String email) {

    public enum Type {
        PERSON,
        GROUP;
    }

    public static Party of(Person person) {
        return person == null
                ? null
                : new Party(Type.PERSON, person.id, person.displayName, person.email);
    }

    public static Party of(Group group) {
        return group == null
                ? null
                : new Party(Type.GROUP, group.id, group.name, group.contactEmail);
    }
}
