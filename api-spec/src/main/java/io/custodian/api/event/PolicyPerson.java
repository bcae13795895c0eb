package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * A person as the {@code policy.*} events name them: always the e-mail; the directory's id and name
 * when the directory knows the address.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyPerson(String email, UUID id, String name) {

    /** "Ada Lovelace &lt;ada@example.com&gt;", or the bare e-mail when the name is unknown. */
    public String display() {
        return name == null ? email : name + " <" + email + ">";
    }
}
