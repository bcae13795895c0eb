package io.custodian.asset.ownership;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/groups")
class GroupResource {

    private final PeopleAndGroups groups;

    GroupResource(PeopleAndGroups groups) {
        this.groups = groups;
    }

    @POST
    @RolesAllowed(ASSET_ADMIN)
    public Response create(PeopleAndGroups.NewGroup body, UriInfo uri) {
        GroupView group = GroupView.of(groups.create(body));
        return Response.created(uri.getAbsolutePathBuilder().path(group.id().toString()).build())
                .entity(group)
                .build();
    }

    @GET
    @Path("/{groupId}")
    @RolesAllowed({ASSET_ADMIN, LEADERSHIP, AUDITOR})
    public GroupView get(UUID groupId) {
        return GroupView.of(groups.group(groupId));
    }

    @PUT
    @Path("/{groupId}/members/{personId}")
    @RolesAllowed(ASSET_ADMIN)
    public GroupView addMember(UUID groupId, UUID personId) {
        return groups.addMember(groupId, personId);
    }

    @DELETE
    @Path("/{groupId}/members/{personId}")
    @RolesAllowed(ASSET_ADMIN)
    public GroupView removeMember(UUID groupId, UUID personId) {
        return groups.removeMember(groupId, personId);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupView(
            UUID id,
            String name,
            String contactEmail,
            String chatChannel,
            List<Party> members,
            Instant deactivatedAt) {
        static GroupView of(Group g) {
            return new GroupView(
                    g.id,
                    g.name,
                    g.contactEmail,
                    g.chatChannel,
                    g.members.stream()
                            .map(Party::of)
                            .sorted(java.util.Comparator.comparing(Party::name))
                            .toList(),
                    g.deactivatedAt);
        }
    }
}
