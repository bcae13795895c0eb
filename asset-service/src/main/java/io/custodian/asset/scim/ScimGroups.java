package io.custodian.asset.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.custodian.asset.ownership.Group;
import io.custodian.asset.ownership.Person;
import io.custodian.asset.ownership.Provisioning;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SCIM 2.0 Groups (RFC 7643 §4.2): a group the identity provider pushes is a Custodian group, the
 * owner of assets, with its members (SCIM Users, Custodian's people). Members come and go; what the
 * group owns stays its own. {@code DELETE} deactivates the group rather than erasing it, so that no
 * asset is left without an owner: its assets are listed for ownership transfer, and the SCIM
 * resource is gone.
 */
@ApplicationScoped
class ScimGroups implements ScimEndpoint<ScimGroup> {

    private final Provisioning parties;
    private final String contact;

    ScimGroups(
            Provisioning parties,
            @ConfigProperty(name = "custodian.scim.group-contact") String contact) {
        this.parties = parties;
        this.contact = contact;
    }

    /**
     * A new group; the name of a group deleted over SCIM brings that group back (same id, the
     * members sent), as a user's userName does.
     */
    @Transactional
    @Override
    public ScimGroup create(JsonNode body, ScimUrls urls) {
        GroupAttributes attributes = GroupAttributes.fromResource(body);
        Provisioning.GroupState state = state(attributes);
        Group same = parties.groupNamed(state.name()).orElse(null);
        if (same != null && same.deactivatedAt == null) {
            throw ScimException.uniqueness(
                    "Another group already has the displayName " + same.name + ".");
        }
        if (same != null) {
            parties.reactivate(same);
            parties.change(same, state);
            return view(same, urls);
        }
        return view(parties.createGroup(state, contact), urls);
    }

    @Transactional
    @Override
    public ListResponse<ScimGroup> list(
            String filter, String startIndex, String count, ScimUrls urls) {
        ListResponse.Paging paging = ListResponse.Paging.of(startIndex, count);
        ScimFilter f = ScimFilter.of(filter, ScimFilter.GROUPS);
        Provisioning.Slice<Group> found =
                parties.groups(f.where(), f.params(), paging.first(), paging.size());
        return ListResponse.of(
                found.total(),
                paging.start(),
                found.items().stream()
                        .map(g -> ScimGroup.of(g, urls.groups(), urls.users()))
                        .toList());
    }

    /** The group, unless {@code If-None-Match} names its current version (304). */
    @Transactional
    @Override
    public ScimEtags.Read<ScimGroup> get(String id, String ifNoneMatch, ScimUrls urls) {
        Group group = group(id);
        return ScimEtags.read(
                ifNoneMatch, group.version, () -> ScimGroup.of(group, urls.groups(), urls.users()));
    }

    /** PUT: the name, externalId and members are what the body says (no members when absent). */
    @Transactional
    @Override
    public ScimGroup replace(String id, JsonNode body, String ifMatch, ScimUrls urls) {
        Group group = group(id);
        ScimEtags.requireMatch(ifMatch, group.version, "group");
        return change(group, GroupAttributes.fromResource(body), urls);
    }

    @Transactional
    @Override
    public ScimGroup patch(String id, JsonNode body, String ifMatch, ScimUrls urls) {
        Group group = group(id);
        ScimEtags.requireMatch(ifMatch, group.version, "group");
        GroupAttributes attributes = GroupAttributes.of(group);
        GroupPatch.apply(body, attributes);
        return change(group, attributes, urls);
    }

    /**
     * DELETE deactivates: the group keeps what it owns (listed for ownership transfer) and its
     * members and history; it takes no new assets; its SCIM resource answers 404 from then on.
     */
    @Transactional
    @Override
    public void delete(String id, String ifMatch) {
        Group group = group(id);
        ScimEtags.requireMatch(ifMatch, group.version, "group");
        parties.deactivate(group);
    }

    private ScimGroup change(Group group, GroupAttributes attributes, ScimUrls urls) {
        Provisioning.GroupState state = state(attributes);
        parties.groupNamed(state.name())
                .filter(other -> !other.id.equals(group.id))
                .ifPresent(
                        other -> {
                            throw ScimException.uniqueness(
                                    "Another group already has the displayName "
                                            + other.name
                                            + ".");
                        });
        parties.change(group, state);
        return view(group, urls);
    }

    /** What the attributes make of a group: its members resolved to people. */
    private Provisioning.GroupState state(GroupAttributes a) {
        if (a.displayName == null) {
            throw ScimException.invalidValue("displayName (the group's name) is required.");
        }
        if (a.displayName.length() > 200) {
            throw ScimException.invalidValue("displayName must be at most 200 characters.");
        }
        if (a.externalId != null && a.externalId.length() > 255) {
            throw ScimException.invalidValue("externalId must be at most 255 characters.");
        }
        Set<Person> members = new LinkedHashSet<>();
        for (String member : a.members) {
            members.add(
                    user(member)
                            .orElseThrow(
                                    () ->
                                            ScimException.invalidValue(
                                                    "members.value: no user with the id "
                                                            + member
                                                            + ".")));
        }
        return new Provisioning.GroupState(a.displayName, a.externalId, members);
    }

    /** The person behind a SCIM user that exists (not deleted). */
    private java.util.Optional<Person> user(String id) {
        UUID uuid = ScimFilter.uuid(id);
        return uuid == null
                ? java.util.Optional.empty()
                : parties.findPerson(uuid).filter(p -> p.scimDeletedAt == null);
    }

    /** The group behind a SCIM resource that exists: 404 for an unknown or deactivated one. */
    private Group group(String id) {
        UUID uuid = ScimFilter.uuid(id);
        return (uuid == null ? java.util.Optional.<Group>empty() : parties.findGroup(uuid))
                .orElseThrow(() -> ScimException.notFound("group", id));
    }

    private ScimGroup view(Group group, ScimUrls urls) {
        parties.flush(); // the version in meta and the ETag is the one this write leaves
        return ScimGroup.of(group, urls.groups(), urls.users());
    }

    @Override
    public ScimProjection projection(String attributes, String excludedAttributes) {
        return ScimProjection.ofGroup(attributes, excludedAttributes);
    }
}
