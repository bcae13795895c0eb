package io.custodian.asset.policy;

import io.custodian.api.event.PolicyAsset;
import io.custodian.api.event.PolicyPerson;
import io.custodian.asset.inventory.Asset;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.web.LowerCaseEnums;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * People and assets as exceptions and violations show them, in views and events alike: a person by
 * e-mail, with the directory's id and name when it knows the address.
 */
final class Directory {

    private Directory() {}

    static PolicyPerson person(String email) {
        if (email == null) {
            return null;
        }
        return Person.findByEmail(email.toLowerCase(Locale.ROOT))
                .map(Directory::person)
                .orElseGet(() -> new PolicyPerson(email, null, null));
    }

    /**
     * {@link #person(String)} remembering each address, for a list page that names the same people
     * many times: one directory query per address, not per mention.
     */
    static Function<String, PolicyPerson> memo() {
        Map<String, PolicyPerson> known = new HashMap<>();
        return email -> email == null ? null : known.computeIfAbsent(email, Directory::person);
    }

    static PolicyPerson person(Person p) {
        return p == null ? null : new PolicyPerson(p.email, p.id, p.displayName);
    }

    static PolicyAsset asset(Asset a) {
        return a == null
                ? null
                : new PolicyAsset(
                        a.id,
                        a.assetTag,
                        a.name,
                        LowerCaseEnums.of(a.category),
                        LowerCaseEnums.of(a.classification));
    }
}
