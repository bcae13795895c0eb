package io.custodian.asset.ownership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What an identity provider reads and writes in the directory (SCIM provisioning): people and
 * groups found by a filter, pushed, changed, deactivated. The queries and writes of the ownership
 * feature's tables stay in this feature; {@code scim} speaks the protocol around them.
 */
@ApplicationScoped
public class Provisioning {

    private final Clock clock;
    private final PeopleAndGroups parties;

    Provisioning(Clock clock, PeopleAndGroups parties) {
        this.clock = clock;
        this.parties = parties;
    }

    public Optional<Person> findPerson(UUID id) {
        return parties.findPerson(id);
    }

    /** The group with this id, if it is active. */
    public Optional<Group> findGroup(UUID id) {
        return parties.findGroup(id);
    }

    /** A departed person pushed as active again: re-hired, as the HR sync does it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rehire(Person person, Rehired.Source source) {
        parties.rehire(person, source);
    }

    /** One page of a query, and how many match in all. */
    public record Slice<T>(long total, List<T> items) {}

    /**
     * People matching a JPQL condition on {@code Person p} (parameters {@code ?1…}), in creation
     * order, {@code max} of them from the {@code first} (counting from 0); none but the count when
     * {@code max} is 0.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Slice<Person> people(String condition, List<Object> params, int first, int max) {
        return slice(Person.class, "Person p", "p", condition, params, first, max);
    }

    /** Active groups matching a JPQL condition on {@code AssetGroup g}, as {@link #people}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Slice<Group> groups(String condition, List<Object> params, int first, int max) {
        return slice(
                Group.class,
                "AssetGroup g",
                "g",
                "g.deactivatedAt is null and (" + condition + ")",
                params,
                first,
                max);
    }

    private static <T> Slice<T> slice(
            Class<T> type,
            String from,
            String alias,
            String condition,
            List<Object> params,
            int first,
            int max) {
        EntityManager em = Person.getEntityManager();
        var count =
                em.createQuery(
                        "select count(" + alias + ") from " + from + " where " + condition,
                        Long.class);
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
        }
        long total = count.getSingleResult();
        if (max <= 0 || first >= total) {
            return new Slice<>(total, List.of());
        }
        var page =
                em.createQuery(
                        "select "
                                + alias
                                + " from "
                                + from
                                + " where "
                                + condition
                                + " order by "
                                + alias
                                + ".createdAt, "
                                + alias
                                + ".id",
                        type);
        for (int i = 0; i < params.size(); i++) {
            page.setParameter(i + 1, params.get(i));
        }
        return new Slice<>(total, page.setFirstResult(first).setMaxResults(max).getResultList());
    }

    /** A person new to the directory (SCIM provisions them): stored at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Person person) {
        person.persistAndFlush();
    }

    /**
     * Writes what changed of people and groups now, so that their versions (and ETags) are the ones
     * this transaction leaves.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        Person.flush();
    }

    /** The group with this name, case-insensitively, deactivated or not. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Group> groupNamed(String name) {
        return Group.find("lower(name) = ?1", name.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /** What a group is: its name, the identity provider's id of it and its members. */
    public record GroupState(String name, String externalId, Set<Person> members) {}

    /** A new group, as an identity provider pushes it, with the contact who hears about it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Group createGroup(GroupState state, String contactEmail) {
        Group group = new Group();
        group.id = UUID.randomUUID();
        group.name = state.name();
        group.scimExternalId = state.externalId();
        group.contactEmail = contactEmail.trim().toLowerCase(Locale.ROOT);
        group.members.addAll(state.members());
        group.createdAt = group.updatedAt = stamp();
        group.persistAndFlush();
        return group;
    }

    /**
     * The group becomes what the state says (stamped when anything changed). Members come and go;
     * what the group owns stays its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(Group group, GroupState state) {
        boolean changed =
                !state.name().equals(group.name)
                        || !Objects.equals(state.externalId(), group.scimExternalId)
                        || !ids(state.members()).equals(ids(group.members));
        group.name = state.name();
        group.scimExternalId = state.externalId();
        group.members.retainAll(state.members());
        group.members.addAll(state.members());
        if (changed) {
            group.updatedAt = stamp();
        }
    }

    /**
     * Deactivates the group (its SCIM resource was deleted): nothing is erased, its members and
     * history stay; the assets it owns are its own until each has a new owner (they are listed for
     * ownership transfer) and it is given no new ones.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deactivate(Group group) {
        group.deactivatedAt = group.updatedAt = stamp();
    }

    /** A deactivated group pushed again: active, with the same id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reactivate(Group group) {
        group.deactivatedAt = null;
        group.updatedAt = stamp();
    }

    /** Now, as the database keeps it (microseconds): the answer shows what a later read does. */
    private Instant stamp() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Set<UUID> ids(Set<Person> people) {
        return people.stream().map(p -> p.id).collect(Collectors.toSet());
    }
}
