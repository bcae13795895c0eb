package io.custodian.asset.ownership;

import io.custodian.asset.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** People and groups: the parties that own and hold assets. */
@ApplicationScoped
public class PeopleAndGroups {

    private final Clock clock;
    private final Event<Rehired> rehired;

    PeopleAndGroups(Clock clock, Event<Rehired> rehired) {
        this.clock = clock;
        this.rehired = rehired;
    }

    record NewPerson(
            @NotBlank @Size(max = 64) String employeeId,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String displayName) {}

    record NewGroup(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String contactEmail,
            @Size(max = 200) String chatChannel) {}

    @Transactional
    Person create(@NotNull @Valid NewPerson request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (Person.count("employeeId", request.employeeId().trim()) > 0) {
            throw ProblemException.conflict(
                    "A person with employee id " + request.employeeId() + " already exists.",
                    "employeeId",
                    "already exists");
        }
        if (Person.count("email", email) > 0) {
            throw ProblemException.conflict(
                    "A person with e-mail " + email + " already exists.",
                    "email",
                    "already exists");
        }
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.employeeId = request.employeeId().trim();
        person.email = email;
        person.displayName = request.displayName().trim();
        person.status = Person.Status.ACTIVE;
        person.createdAt = person.updatedAt = Instant.now(clock);
        person.persistAndFlush();
        return person;
    }

    /** What the HR system sends for one person; the employee id is the key. */
    record PersonSync(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String displayName,
            @Size(max = 64) String managerEmployeeId,
            @Size(min = 1, max = 255) String subject,
            Person.Status status) {}

    record Synced(Person person, boolean created) {}

    /**
     * Directory sync: create or update the person with this employee id. Sending the same record
     * again changes nothing.
     */
    @Transactional
    Synced upsert(@NotBlank @Size(max = 64) String employeeId, @NotNull @Valid PersonSync sync) {
        String email = sync.email().trim().toLowerCase(Locale.ROOT);
        Person person = Person.findByEmployeeId(employeeId).orElse(null);
        boolean created = person == null;
        Person sameEmail = Person.findByEmail(email).orElse(null);
        if (sameEmail != null && sameEmail != person) {
            throw ProblemException.conflict(
                    "Employee " + sameEmail.employeeId + " already has the e-mail " + email + ".",
                    "email",
                    "already belongs to another person");
        }
        String subject = sync.subject() == null ? null : sync.subject().trim();
        if (subject != null && subject.isEmpty()) {
            throw ProblemException.invalid("subject", "must not be blank");
        }
        if (subject != null) {
            Person sameSubject = Person.findBySubject(subject).orElse(null);
            if (sameSubject != null && sameSubject != person) {
                throw ProblemException.conflict(
                        "Employee " + sameSubject.employeeId + " already has this subject.",
                        "subject",
                        "already belongs to another person");
            }
        }
        Person manager = null;
        if (sync.managerEmployeeId() != null && !sync.managerEmployeeId().isBlank()) {
            if (sync.managerEmployeeId().equals(employeeId)) {
                throw ProblemException.invalid(
                        "managerEmployeeId", "a person can't manage themselves");
            }
            manager =
                    Person.findByEmployeeId(sync.managerEmployeeId())
                            .orElseThrow(
                                    () ->
                                            ProblemException.invalid(
                                                    "managerEmployeeId", "no such person"));
        }
        Instant now = Instant.now(clock);
        if (created) {
            person = new Person();
            person.id = UUID.randomUUID();
            person.employeeId = employeeId;
            person.createdAt = now;
            person.status = Person.Status.ACTIVE;
        }
        Person.Status status = syncedStatus(person, sync.status());
        String name = sync.displayName().trim();
        boolean changed =
                created
                        || !email.equals(person.email)
                        || !name.equals(person.displayName)
                        || person.manager != manager
                        || person.status != status
                        || (subject != null && !subject.equals(person.subject));
        boolean rehire = person.status == Person.Status.DEPARTED && status == Person.Status.ACTIVE;
        person.email = email;
        person.displayName = name;
        person.manager = manager;
        if (subject != null) {
            person.subject = subject;
        }
        if (changed) {
            person.updatedAt = now;
        }
        if (created) {
            person.persist();
        }
        if (rehire) {
            rehire(person, Rehired.Source.SYNC);
        }
        return new Synced(person, created);
    }

    /**
     * HR re-hires a departed person: {@code active} again, announced ({@link Rehired}) in the same
     * transaction, so that the worker stops refusing them and IT and their manager are told. The
     * one way a departure ends, for the sync and for SCIM alike.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rehire(Person person, Rehired.Source source) {
        if (person.status != Person.Status.DEPARTED) {
            throw new IllegalStateException("Person " + person.id + " has not departed");
        }
        person.status = Person.Status.ACTIVE;
        person.updatedAt = Instant.now(clock);
        rehired.fire(new Rehired(person, source));
    }

    /**
     * HR's authority over a person's status: it may repeat the status the person has, and re-hire
     * (a {@code departed} person made {@code active} again, unless an off-boarding is still open;
     * the change is in the person's history with HR as its actor). Nothing else: a person becomes
     * {@code leaving} when an off-boarding starts and {@code departed} when it completes — never by
     * a sync, which would leave their assets with nobody to return them — and a new person starts
     * {@code active}.
     */
    private static Person.Status syncedStatus(Person person, Person.Status requested) {
        if (requested == null || requested == person.status) {
            return person.status;
        }
        if (requested == Person.Status.ACTIVE && person.status == Person.Status.DEPARTED) {
            return Person.Status.ACTIVE;
        }
        throw ProblemException.invalid(
                "status",
                switch (requested) {
                    case LEAVING, DEPARTED ->
                            "a person becomes leaving or departed only through an off-boarding"
                                    + " (POST /api/v1/offboardings), never by a sync";
                    case ACTIVE ->
                            "a leaving person is active again only when their off-boarding is"
                                    + " closed";
                });
    }

    @Transactional
    GroupResource.GroupView addMember(UUID groupId, UUID personId) {
        Group group = group(groupId);
        group.members.add(person(personId));
        return GroupResource.GroupView.of(group);
    }

    @Transactional
    GroupResource.GroupView removeMember(UUID groupId, UUID personId) {
        Group group = group(groupId);
        group.members.removeIf(p -> p.id.equals(personId));
        return GroupResource.GroupView.of(group);
    }

    @Transactional
    Group create(@NotNull @Valid NewGroup request) {
        if (Group.count("name", request.name().trim()) > 0) {
            throw ProblemException.conflict(
                    "A group named " + request.name() + " already exists.",
                    "name",
                    "already exists");
        }
        Group group = new Group();
        group.id = UUID.randomUUID();
        group.name = request.name().trim();
        group.contactEmail = request.contactEmail().trim().toLowerCase(Locale.ROOT);
        group.chatChannel = request.chatChannel();
        group.createdAt = group.updatedAt = Instant.now(clock);
        group.persistAndFlush();
        return group;
    }

    /**
     * The person, managed and re-read under a row lock until the transaction ends: one writer at a
     * time per person (an off-boarding's start, so that a concurrent replay waits, then finds the
     * first).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Person locked(Person person) {
        EntityManager em = Person.getEntityManager();
        Person managed = em.contains(person) ? person : em.find(Person.class, person.id);
        em.refresh(managed, LockModeType.PESSIMISTIC_WRITE);
        return managed;
    }

    public java.util.Optional<Person> findPerson(UUID id) {
        return Person.findByIdOptional(id);
    }

    /**
     * The group, if it may own assets: known and not deactivated. A deactivated group keeps what it
     * owns until each asset has a new owner, and is given nothing more.
     */
    public java.util.Optional<Group> findGroup(UUID id) {
        return Group.<Group>findByIdOptional(id).filter(g -> g.deactivatedAt == null);
    }

    /**
     * The id of the person a console form names by e-mail; unknown is {@code field}'s error, as the
     * API's problem names the id that form stands for.
     */
    public UUID personNamed(String email, String field) {
        return Person.findByEmail(email == null ? "" : email.strip())
                .map(person -> person.id)
                .orElseThrow(() -> ProblemException.invalid(field, "no person with this e-mail"));
    }

    /**
     * The id of the group a console form names (group names are unique), if it may own assets; else
     * {@code field}'s error.
     */
    public UUID groupNamed(String name, String field) {
        return Group.<Group>find("name", name == null ? "" : name.strip())
                .firstResultOptional()
                .filter(g -> g.deactivatedAt == null)
                .map(group -> group.id)
                .orElseThrow(() -> ProblemException.invalid(field, "no group with this name"));
    }

    public Person person(UUID id) {
        return Person.<Person>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("person", id));
    }

    public Group group(UUID id) {
        return Group.<Group>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("group", id));
    }
}
