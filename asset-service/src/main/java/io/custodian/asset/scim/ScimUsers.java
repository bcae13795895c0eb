package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.custodian.asset.offboarding.Offboarding;
import io.custodian.asset.offboarding.Offboardings;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.ownership.Provisioning;
import io.custodian.asset.ownership.Rehired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SCIM 2.0 provisioning of the people directory (RFC 7643/7644). A user is a person; the identity
 * provider creates and updates them and deprovisions them with {@code active: false} (or {@code
 * DELETE}), which starts their off-boarding with today as the last working day. Deprovisioning
 * again while it is open changes nothing.
 */
@ApplicationScoped
class ScimUsers implements ScimEndpoint<ScimUser> {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final Offboardings offboardings;
    private final Provisioning people;
    private final Clock clock;

    ScimUsers(Offboardings offboardings, Provisioning people, Clock clock) {
        this.offboardings = offboardings;
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    @Override
    public ScimUser create(JsonNode body, ScimUrls urls) {
        UserAttributes attributes = UserAttributes.fromResource(body);
        if (attributes.externalId == null) {
            throw ScimException.invalidValue(
                    "externalId (the employee id; or the enterprise extension's employeeNumber)"
                            + " is required.");
        }
        if (Boolean.FALSE.equals(attributes.active)) {
            // a departed record for any address would lock its owner out of Custodian at once
            throw ScimException.invalidValue(
                    "active: a user is provisioned active; someone leaves through an off-boarding"
                            + " (active: false on an existing user starts it).");
        }
        Person deleted = deletedUser(attributes.userName);
        if (deleted != null) {
            // the same person provisioned again after a DELETE: their resource is back, and a
            // departed person is re-hired by the rule of active: true
            deleted.scimDeletedAt = null;
            write(deleted, attributes);
            activate(deleted, true);
            return view(deleted, urls);
        }
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.createdAt = now();
        person.status = Person.Status.ACTIVE;
        write(person, attributes);
        people.add(person);
        return ScimUser.of(person, urls.users());
    }

    @Transactional
    @Override
    public ListResponse<ScimUser> list(
            String filter, String startIndex, String count, ScimUrls urls) {
        ListResponse.Paging paging = ListResponse.Paging.of(startIndex, count);
        ScimFilter f = ScimFilter.of(filter, ScimFilter.USERS);
        // a deleted resource is gone from every answer
        Provisioning.Slice<Person> found =
                people.people(
                        f.where() + " and p.scimDeletedAt is null",
                        f.params(),
                        paging.first(),
                        paging.size());
        return ListResponse.of(
                found.total(),
                paging.start(),
                found.items().stream().map(p -> ScimUser.of(p, urls.users())).toList());
    }

    /**
     * PUT replaces what the user says; {@code externalId}, the manager and {@code active} stay as
     * they are when the body leaves them out (the HR sync may keep them too).
     */
    @Transactional
    @Override
    public ScimUser replace(String id, JsonNode body, String ifMatch, ScimUrls urls) {
        Person person = person(id);
        match(ifMatch, person);
        UserAttributes attributes = UserAttributes.fromResource(body);
        write(person, attributes);
        activate(person, attributes.active);
        return view(person, urls);
    }

    @Transactional
    @Override
    public ScimUser patch(String id, JsonNode body, String ifMatch, ScimUrls urls) {
        Person person = person(id);
        match(ifMatch, person);
        UserAttributes attributes = UserAttributes.of(person);
        ScimPatch.apply(body, attributes);
        write(person, attributes);
        activate(person, attributes.active);
        return view(person, urls);
    }

    /**
     * DELETE deprovisions; it does not erase. The person stays in the directory (they may still
     * hold assets, and history names them) and their off-boarding starts; the SCIM resource is gone
     * (404 from then on, RFC 7644 §3.6). A later POST of the same userName brings it back with the
     * same id, by the rule of {@code active: true} (a departed person is re-hired; an open
     * off-boarding is 409).
     */
    @Transactional
    @Override
    public void delete(String id, String ifMatch) {
        Person person = person(id);
        match(ifMatch, person);
        activate(person, false);
        person.scimDeletedAt = now();
    }

    // --- writing ----------------------------------------------------------------------------

    private void write(Person person, UserAttributes a) {
        String email = a.userName == null ? null : a.userName.toLowerCase(Locale.ROOT);
        if (email == null) {
            throw ScimException.invalidValue("userName (the person's e-mail address) is required.");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw ScimException.invalidValue(
                    "userName must be the person's e-mail address, at most 254 characters.");
        }
        Person sameEmail = Person.findByEmail(email).orElse(null);
        if (sameEmail != null && !sameEmail.id.equals(person.id)) {
            throw ScimException.uniqueness("Another user already has the userName " + email + ".");
        }
        String employeeId = a.externalId != null ? a.externalId : person.employeeId;
        if (employeeId.length() > 64) {
            throw ScimException.invalidValue("externalId must be at most 64 characters.");
        }
        Person sameEmployee = Person.findByEmployeeId(employeeId).orElse(null);
        if (sameEmployee != null && !sameEmployee.id.equals(person.id)) {
            throw ScimException.uniqueness(
                    "Another user already has the externalId " + employeeId + ".");
        }
        if (a.subject != null && !a.subject.equals(person.subject)) {
            if (a.subject.length() > 255) {
                throw ScimException.invalidValue("subject must be at most 255 characters.");
            }
            Person sameSubject = Person.findBySubject(a.subject).orElse(null);
            if (sameSubject != null && !sameSubject.id.equals(person.id)) {
                throw ScimException.uniqueness("Another user already has this subject.");
            }
            person.subject = a.subject;
            person.updatedAt = now();
        }
        String given = limit("name.givenName", a.givenName, 100);
        String family = limit("name.familyName", a.familyName, 100);
        String display = a.displayName != null ? a.displayName : a.formattedName;
        if (display == null && (given != null || family != null)) {
            display = String.join(" ", given == null ? "" : given, family == null ? "" : family);
            display = display.trim();
        }
        if (display == null) {
            display = person.displayName != null ? person.displayName : email;
        }
        display = limit("displayName", display, 200);
        Person manager = a.managerGiven ? manager(a.managerRef, person) : person.manager;

        boolean changed =
                !email.equals(person.email)
                        || !employeeId.equals(person.employeeId)
                        || !display.equals(person.displayName)
                        || !Objects.equals(given, person.givenName)
                        || !Objects.equals(family, person.familyName)
                        || !sameId(manager, person.manager)
                        || !a.userName.equals(person.scimUserName);
        person.email = email;
        person.scimUserName = a.userName;
        person.employeeId = employeeId;
        person.displayName = display;
        person.givenName = given;
        person.familyName = family;
        person.manager = manager;
        if (changed) {
            person.updatedAt = now();
        }
    }

    /**
     * {@code active: false} starts the off-boarding (idempotent while it is open; nothing for
     * someone who has departed); {@code active: true} re-activates a leaving or departed person,
     * unless an off-boarding is still open.
     */
    private void activate(Person person, Boolean active) {
        if (active == null) {
            return;
        }
        if (!active) {
            if (person.status != Person.Status.DEPARTED) {
                people.flush(); // the off-boarding re-reads the person under a lock
                offboardings.start(person, LocalDate.now(clock), Offboarding.Source.SCIM, null);
            }
            return;
        }
        if (person.status == Person.Status.ACTIVE) {
            return;
        }
        offboardings
                .openFor(person)
                .ifPresent(
                        open -> {
                            throw ScimException.conflict(
                                    "User "
                                            + person.id
                                            + " has an open off-boarding ("
                                            + open
                                            + "); IT closes it before the user can be active"
                                            + " again.");
                        });
        if (person.status == Person.Status.DEPARTED) {
            people.rehire(person, Rehired.Source.SCIM);
        } else {
            person.status = Person.Status.ACTIVE;
            person.updatedAt = now();
        }
    }

    private Person manager(String ref, Person person) {
        if (ref == null) {
            return null;
        }
        UUID id = ScimFilter.uuid(ref);
        Person manager = id == null ? null : people.findPerson(id).orElse(null);
        if (manager == null) {
            manager = Person.findByEmployeeId(ref).orElse(null);
        }
        if (manager == null) {
            throw ScimException.invalidValue(
                    "manager.value: no user with the id (or employee id) " + ref + ".");
        }
        if (manager.id.equals(person.id)) {
            throw ScimException.invalidValue("manager.value: a user can't manage themselves.");
        }
        return manager;
    }

    // --- helpers ----------------------------------------------------------------------------

    private ScimUser view(Person person, ScimUrls urls) {
        people.flush(); // the version in meta and the ETag is the one this write leaves
        return ScimUser.of(person, urls.users());
    }

    /** The user, unless {@code If-None-Match} names its current version (304). */
    @Transactional
    @Override
    public ScimEtags.Read<ScimUser> get(String id, String ifNoneMatch, ScimUrls urls) {
        Person person = person(id);
        return ScimEtags.read(ifNoneMatch, person.version, () -> ScimUser.of(person, urls.users()));
    }

    private static void match(String ifMatch, Person person) {
        ScimEtags.requireMatch(ifMatch, person.version, "user");
    }

    /** The person behind a SCIM resource that exists: 404 for an unknown or deleted one. */
    Person person(String id) {
        UUID uuid = ScimFilter.uuid(id);
        Person person = uuid == null ? null : people.findPerson(uuid).orElse(null);
        if (person == null || person.scimDeletedAt != null) {
            throw ScimException.notFound("user", id);
        }
        return person;
    }

    /** The person with this login whose SCIM resource was deleted, if any. */
    private static Person deletedUser(String userName) {
        if (userName == null) {
            return null;
        }
        return Person.findByEmail(userName.toLowerCase(Locale.ROOT))
                .filter(p -> p.scimDeletedAt != null)
                .orElse(null);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean sameId(Person a, Person b) {
        return a == null ? b == null : b != null && a.id.equals(b.id);
    }

    private static String limit(String attribute, String value, int max) {
        if (value != null && value.length() > max) {
            throw ScimException.invalidValue(
                    attribute + " must be at most " + max + " characters.");
        }
        return value;
    }

    @Override
    public ScimProjection projection(String attributes, String excludedAttributes) {
        return ScimProjection.ofUser(attributes, excludedAttributes);
    }
}
