package io.custodian.asset.ownership;

import static io.custodian.asset.security.Roles.ASSET_ADMIN;
import static io.custodian.asset.security.Roles.AUDITOR;
import static io.custodian.asset.security.Roles.HR_SYSTEM;
import static io.custodian.asset.security.Roles.LEADERSHIP;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

@Path("/api/v1/people")
class PersonResource {

    private final PeopleAndGroups people;

    PersonResource(PeopleAndGroups people) {
        this.people = people;
    }

    @POST
    @RolesAllowed({ASSET_ADMIN, HR_SYSTEM})
    public Response create(PeopleAndGroups.NewPerson body, UriInfo uri) {
        PersonView person = PersonView.of(people.create(body));
        return Response.created(uri.getAbsolutePathBuilder().path(person.id().toString()).build())
                .entity(person)
                .build();
    }

    @PUT
    @Path("/by-employee-id/{employeeId}")
    @RolesAllowed({ASSET_ADMIN, HR_SYSTEM})
    public Response sync(String employeeId, PeopleAndGroups.PersonSync body, UriInfo uri) {
        PeopleAndGroups.Synced synced = people.upsert(employeeId, body);
        PersonView view = PersonView.of(synced.person());
        if (synced.created()) {
            return Response.created(
                            uri.getBaseUriBuilder().path("/api/v1/people/" + view.id()).build())
                    .entity(view)
                    .build();
        }
        return Response.ok(view).build();
    }

    @GET
    @Path("/{personId}")
    @RolesAllowed({ASSET_ADMIN, HR_SYSTEM, LEADERSHIP, AUDITOR})
    public PersonView get(UUID personId) {
        return PersonView.of(people.person(personId));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PersonView(
            UUID id,
            String employeeId,
            String email,
            String displayName,
            Person.Status status,
            String subject,
            ManagerRef manager) {
        static PersonView of(Person p) {
            return new PersonView(
                    p.id,
                    p.employeeId,
                    p.email,
                    p.displayName,
                    p.status,
                    p.subject,
                    p.manager == null
                            ? null
                            : new ManagerRef(
                                    p.manager.id, p.manager.employeeId, p.manager.displayName));
        }
    }

    record ManagerRef(UUID id, String employeeId, String displayName) {}
}
