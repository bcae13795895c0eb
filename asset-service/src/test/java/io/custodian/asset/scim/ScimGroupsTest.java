package io.custodian.asset.scim;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.scim.Scim.createGroup;
import static io.custodian.asset.scim.Scim.createUser;
import static io.custodian.asset.scim.Scim.op;
import static io.custodian.asset.scim.Scim.patchOp;
import static io.custodian.asset.scim.Scim.scim;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.custodian.asset.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SCIM Groups as Okta and Entra ID push them (their published request shapes): a group is a
 * Custodian group, the owner of assets, with its members; deleting it deactivates it and puts its
 * assets on the ownership-transfer report.
 */
@QuarkusTest
class ScimGroupsTest {

    private static final String SCIM = Scim.MEDIA_TYPE;
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String GROUP = Scim.GROUP;
    private static final JsonSchema GROUP_SCHEMA = Scim.rfcSchema("group.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    // --- create ------------------------------------------------------------------------------

    @Test
    void shouldCreateAGroupAsOktaPushesIt() {
        String name = unique("Okta Group");
        // Okta's group push: POST /Groups with the displayName and (no) members
        ValidatableResponse created =
                scim().body(Scim.group(name, List.of()))
                        .post("/scim/v2/Groups")
                        .then()
                        .statusCode(201)
                        .contentType(startsWith(SCIM))
                        .header("ETag", startsWith("W/\""))
                        .body("schemas", contains(GROUP))
                        .body("id", notNullValue())
                        .body("displayName", equalTo(name))
                        .body("members", emptyIterable())
                        .body("meta.resourceType", equalTo("Group"));
        String id = created.extract().path("id");
        created.header("Location", endsWith("/scim/v2/Groups/" + id))
                .body("meta.location", endsWith("/scim/v2/Groups/" + id));
        assertRfcGroup(created.extract().asString());

        // the same group in Custodian's own API: a group that may own assets
        asAdmin()
                .get("/api/v1/groups/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("contactEmail", equalTo("it@example.com"));
    }

    @Test
    void shouldCreateAGroupAsEntraIdProvisionsItAndFindItByDisplayName() {
        String name = unique("Group1DisplayName");
        String externalId = java.util.UUID.randomUUID().toString();
        // Entra ID's example: externalId, displayName and meta.resourceType
        String id =
                scim().body(
                                Map.of(
                                        "schemas",
                                        List.of(GROUP),
                                        "externalId",
                                        externalId,
                                        "displayName",
                                        name,
                                        "meta",
                                        Map.of("resourceType", "Group")))
                        .post("/scim/v2/Groups")
                        .then()
                        .statusCode(201)
                        .contentType(startsWith(SCIM))
                        .body("externalId", equalTo(externalId))
                        .body("displayName", equalTo(name))
                        .extract()
                        .path("id");

        // Entra ID's lookup: by displayName, without the members
        scim().queryParam("filter", "displayName eq \"" + name.toUpperCase() + "\"")
                .queryParam("excludedAttributes", "members")
                .get("/scim/v2/Groups")
                .then()
                .statusCode(200)
                .contentType(startsWith(SCIM))
                .body("schemas", contains(LIST))
                .body("totalResults", equalTo(1))
                .body("Resources[0].id", equalTo(id))
                .body("Resources[0]", not(hasKey("members")))
                .body("Resources[0].displayName", equalTo(name));
        groupsWhere("externalId eq \"" + externalId + "\"").body("Resources.id", contains(id));
    }

    @Test
    void shouldLetAnIdentityProviderLinkToAGroupItCreatedInCustodian() {
        // IT created the team in Custodian; Okta's "link group" and Entra ID's matching find it
        String name = unique("IT's Team");
        String group = Api.createGroup(name);

        groupsWhere("displayName eq \"" + name + "\"")
                .body("totalResults", equalTo(1))
                .body("Resources[0].id", equalTo(group))
                .body("Resources[0].members", emptyIterable());
        String member = createUser(unique("linked") + "@example.com", "Linked", Map.of());
        scim().body(patchOp(op("add", "members", List.of(Map.of("value", member)))))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("members.value", contains(member));
        asAdmin()
                .get("/api/v1/groups/" + group)
                .then()
                .statusCode(200)
                .body("members.id", contains(member))
                .body("contactEmail", equalTo("team@example.com"));
    }

    @Test
    void shouldRefuseADisplayNameAnotherGroupHasWhateverItsCase() {
        String name = unique("Unique Team");
        createGroup(name);

        scim().body(Map.of("schemas", List.of(GROUP), "displayName", name.toLowerCase()))
                .post("/scim/v2/Groups")
                .then()
                .statusCode(409)
                .contentType(startsWith(SCIM))
                .body("schemas", contains(ERROR))
                .body("scimType", equalTo("uniqueness"));
    }

    @Test
    void shouldRefuseMembersThatAreNoKnownUsersAndWriteNothing() {
        String name = unique("Strangers");
        for (Object member :
                List.of(
                        Map.of("value", java.util.UUID.randomUUID().toString()),
                        Map.of("value", "not-an-id"),
                        Map.of(
                                "value",
                                createUser(unique("u") + "@example.com", "U", Map.of()),
                                "type",
                                "Group"))) {
            scim().body(Scim.group(name, List.of(member)))
                    .post("/scim/v2/Groups")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith(SCIM))
                    .body("scimType", equalTo("invalidValue"))
                    .body("detail", containsString("members."));
        }
        groupsWhere("displayName eq \"" + name + "\"").body("totalResults", equalTo(0));
    }

    @Test
    void shouldRefuseAttributesAGroupDoesNotKeep() {
        scim().body(
                        Map.of(
                                "schemas",
                                List.of(GROUP),
                                "displayName",
                                unique("Extra"),
                                "owners",
                                List.of("someone")))
                .post("/scim/v2/Groups")
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("owners"));
        scim().body(Map.of("schemas", List.of(GROUP)))
                .post("/scim/v2/Groups")
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("displayName"));
    }

    // --- members -----------------------------------------------------------------------------

    @Test
    void shouldAddAndRemoveMembersAsOktaSendsThem() {
        String ada = createUser(unique("ada") + "@example.com", "Ada", Map.of());
        String alan = createUser(unique("alan") + "@example.com", "Alan", Map.of());
        String group = createGroup(unique("Okta Members"));

        scim().body(
                        patchOp(
                                op(
                                        "add",
                                        "members",
                                        List.of(Map.of("value", ada), Map.of("value", alan)))))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .contentType(startsWith(SCIM))
                .body("members.value", containsInAnyOrder(ada, alan))
                .body("members.type", contains("User", "User"))
                .body("members.find { it.value == '" + ada + "' }.display", equalTo("Ada"))
                .body(
                        "members.find { it.value == '" + ada + "' }",
                        org.hamcrest.Matchers.hasEntry(
                                equalTo("$ref"), endsWith("/scim/v2/Users/" + ada)));

        // Okta removes one member by a value filter, without a value
        scim().body(patchOp(Map.of("op", "remove", "path", "members[value eq \"" + ada + "\"]")))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("members.value", contains(alan));
        scim().get("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("members.value", contains(alan));
        // the groups a user is a member of
        groupsWhere("members.value eq \"" + alan + "\"").body("Resources.id", contains(group));
    }

    @Test
    void shouldAddAndRemoveMembersAsEntraIdSendsThem() {
        String grace = createUser(unique("grace") + "@example.com", "Grace", Map.of());
        String edsger = createUser(unique("edsger") + "@example.com", "Edsger", Map.of());
        String group = createGroup(unique("Entra Members"));

        // Entra ID: capitalised ops, the members in the value of both add and remove
        scim().body(patchOp(op("Add", "members", List.of(Map.of("value", grace)))))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("members.value", contains(grace));
        scim().body(patchOp(op("Add", "members", List.of(Map.of("value", edsger)))))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("members.value", containsInAnyOrder(grace, edsger));
        scim().body(patchOp(op("Remove", "members", List.of(Map.of("value", grace)))))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("members.value", contains(edsger));
        // adding a member twice or removing a non-member changes nothing
        scim().body(
                        patchOp(
                                op("Add", "members", List.of(Map.of("value", edsger))),
                                op("Remove", "members", List.of(Map.of("value", grace)))))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("members.value", contains(edsger));
    }

    @Test
    void shouldRefuseToAddAMemberWhoIsNoKnownUser() {
        String member = createUser(unique("kept") + "@example.com", "Kept", Map.of());
        String group = createGroup(unique("Known Only"), member);

        scim().body(
                        patchOp(
                                op(
                                        "add",
                                        "members",
                                        List.of(
                                                Map.of(
                                                        "value",
                                                        java.util.UUID.randomUUID().toString())))))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(400)
                .contentType(startsWith(SCIM))
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("members.value"));
        scim().get("/scim/v2/Groups/" + group).then().body("members.value", contains(member));
    }

    @Test
    void shouldRenameAGroupAsEntraIdSendsIt() {
        String group = createGroup(unique("Old Name"));
        String renamed = unique("New Name");

        scim().body(patchOp(op("Replace", "displayName", renamed)))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("displayName", equalTo(renamed));
        // Entra ID's replace without a path, the read-only id in its value
        String again = unique("Newer Name");
        scim().body(
                        patchOp(
                                Map.of(
                                        "op",
                                        "replace",
                                        "value",
                                        Map.of("id", group, "displayName", again))))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("id", equalTo(group))
                .body("displayName", equalTo(again));
        asAdmin()
                .get("/api/v1/groups/" + group)
                .then()
                .statusCode(200)
                .body("name", equalTo(again));
    }

    @Test
    void shouldRefuseAPatchThatNamesNoAttributeOfTheGroupSchema() {
        String group = createGroup(unique("Strict"));
        Map<Map<String, Object>, String> refused =
                Map.of(
                        patchOp(op("replace", "owners", "x")),
                        "invalidPath",
                        patchOp(op("replace", "members[display eq \"x\"]", List.of())),
                        "invalidPath",
                        patchOp(op("replace", "id", "x")),
                        "mutability",
                        patchOp(op("replace", "meta.created", "x")),
                        "mutability",
                        patchOp(Map.of("op", "remove", "path", "displayName")),
                        "mutability",
                        patchOp(Map.of("op", "remove")),
                        "noTarget",
                        patchOp(op("replace", "displayName", 42)),
                        "invalidValue",
                        patchOp(op("move", "displayName", "x")),
                        "invalidSyntax",
                        Map.of(
                                "schemas",
                                List.of(GROUP),
                                "Operations",
                                List.of(op("replace", "displayName", "x"))),
                        "invalidSyntax");
        refused.forEach(
                (body, scimType) ->
                        scim().body(body)
                                .patch("/scim/v2/Groups/" + group)
                                .then()
                                .statusCode(400)
                                .contentType(startsWith(SCIM))
                                .body("schemas", contains(ERROR))
                                .body("scimType", equalTo(scimType)));
        scim().get("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("meta.version", equalTo("W/\"0\""));
    }

    // --- PUT, ETags --------------------------------------------------------------------------

    @Test
    void shouldReplaceAGroupWithPutAndHonourIfMatch() {
        String ada = createUser(unique("ada") + "@example.com", "Ada", Map.of());
        String alan = createUser(unique("alan") + "@example.com", "Alan", Map.of());
        String group = createGroup(unique("Put Team"), ada);
        String etag = scim().get("/scim/v2/Groups/" + group).then().extract().header("ETag");
        String name = unique("Put Team Renamed");

        String changed =
                scim().header("If-Match", etag)
                        .body(
                                Map.of(
                                        "schemas",
                                        List.of(GROUP),
                                        "id",
                                        group,
                                        "displayName",
                                        name,
                                        "members",
                                        List.of(Map.of("value", alan))))
                        .put("/scim/v2/Groups/" + group)
                        .then()
                        .statusCode(200)
                        .contentType(startsWith(SCIM))
                        .body("displayName", equalTo(name))
                        .body("members.value", contains(alan))
                        .extract()
                        .header("ETag");

        // the old ETag is stale now: 412, printed as sent
        scim().header("If-Match", etag)
                .body(Map.of("schemas", List.of(GROUP), "displayName", name))
                .put("/scim/v2/Groups/" + group)
                .then()
                .statusCode(412)
                .contentType(startsWith(SCIM))
                .body("detail", containsString("If-Match " + etag))
                .body("detail", containsString("current ETag " + changed));
        scim().header("If-Match", etag)
                .body(patchOp(op("replace", "displayName", "x")))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(412);
        // the current one: 304 without a body
        scim().header("If-None-Match", changed)
                .get("/scim/v2/Groups/" + group)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(changed));
        scim().header("If-None-Match", etag)
                .get("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("displayName", equalTo(name));
    }

    // --- list --------------------------------------------------------------------------------

    @Test
    void shouldFilterProjectAndPageGroups() {
        String prefix = unique("Filter");
        String member = createUser(unique("m") + "@example.com", "Member", Map.of());
        String alpha = createGroup(prefix + " Alpha", member);
        String beta = createGroup(prefix + " Beta");
        String gamma = createGroup(prefix + " Gamma");

        groupsWhere("displayName sw \"" + prefix + "\"")
                .body("totalResults", equalTo(3))
                .body("Resources.id", contains(alpha, beta, gamma));
        scim().queryParam(
                        "filter",
                        "displayName co \""
                                + prefix
                                + " b\" or (displayName sw \""
                                + prefix
                                + "\" and members pr)")
                .get("/scim/v2/Groups")
                .then()
                .statusCode(200)
                .body("Resources.id", contains(alpha, beta));
        scim().queryParam("filter", "displayName sw \"" + prefix + "\"")
                .queryParam("startIndex", 2)
                .queryParam("count", 1)
                .queryParam("attributes", "displayName")
                .get("/scim/v2/Groups")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(3))
                .body("startIndex", equalTo(2))
                .body("itemsPerPage", equalTo(1))
                .body("Resources[0].id", equalTo(beta))
                .body("Resources[0].displayName", equalTo(prefix + " Beta"))
                .body("Resources[0]", not(hasKey("meta")));
        scim().queryParam("filter", "owner eq \"x\"")
                .get("/scim/v2/Groups")
                .then()
                .statusCode(400)
                .contentType(startsWith(SCIM))
                .body("scimType", equalTo("invalidFilter"));
    }

    // --- delete, and the assets a group owns ---------------------------------------------------

    @Test
    void shouldOwnAnAssetThroughAPushedGroupUntilItIsDeletedThenListItForTransfer() {
        String holderEmail = unique("holder") + "@example.com";
        String holder = createUser(holderEmail, "Holder", Map.of());
        String other = createUser(unique("other") + "@example.com", "Other", Map.of());
        String group = createGroup(unique("Pushed Team"), holder, other);
        // the register: IT gives the asset to the pushed group, the holder checks it out
        String asset =
                createAsset(unique("GP"), "person", createPerson(unique("it") + "@example.com"));
        asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of("type", "group", "id", group))
                .put("/api/v1/assets/" + asset + "/owner")
                .then()
                .statusCode(200)
                .body("owner.type", equalTo("group"))
                .body("owner.id", equalTo(group));
        Api.publishAcceptableUse();
        Api.hold(asset, holder, holderEmail);

        // removing the member who holds it changes nothing about its ownership
        scim().body(patchOp(Map.of("op", "remove", "path", "members[value eq \"" + holder + "\"]")))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("members.value", contains(other));
        asAdmin()
                .get("/api/v1/assets/" + asset)
                .then()
                .statusCode(200)
                .body("owner.id", equalTo(group))
                .body("holder.id", equalTo(holder));
        transfers().body("items.id", not(hasItem(asset)));

        // deleting the group (Okta's and Entra ID's deprovisioning) deactivates it
        scim().delete("/scim/v2/Groups/" + group).then().statusCode(204);
        asAdmin()
                .get("/api/v1/assets/" + asset)
                .then()
                .statusCode(200)
                .body("owner.type", equalTo("group"))
                .body("owner.id", equalTo(group));
        transfers()
                .body("items.id", hasItem(asset))
                .body("items.find { it.id == '" + asset + "' }.owner.id", equalTo(group));
        // and it is given no new assets
        String another =
                createAsset(unique("GP"), "person", createPerson(unique("it") + "@example.com"));
        asAdmin()
                .header("If-Match", etag(another))
                .body(Map.of("type", "group", "id", group))
                .put("/api/v1/assets/" + another + "/owner")
                .then()
                .statusCode(422);
        // a new owner takes it off the report
        asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of("type", "person", "id", other))
                .put("/api/v1/assets/" + asset + "/owner")
                .then()
                .statusCode(200);
        transfers().body("items.id", not(hasItem(asset)));
    }

    @Test
    void shouldAnswer404ForADeletedGroupAndBringItBackWhenPushedAgain() {
        String name = unique("Deleted Team");
        String member = createUser(unique("m") + "@example.com", "Member", Map.of());
        String group = createGroup(name, member);

        scim().delete("/scim/v2/Groups/" + group).then().statusCode(204);

        scim().get("/scim/v2/Groups/" + group)
                .then()
                .statusCode(404)
                .contentType(startsWith(SCIM))
                .body("schemas", contains(ERROR))
                .body("detail", equalTo("No group with id " + group + "."));
        scim().body(patchOp(op("replace", "displayName", "x")))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(404);
        scim().body(Map.of("schemas", List.of(GROUP), "displayName", name))
                .put("/scim/v2/Groups/" + group)
                .then()
                .statusCode(404);
        scim().delete("/scim/v2/Groups/" + group).then().statusCode(404);
        groupsWhere("displayName eq \"" + name + "\"").body("totalResults", equalTo(0));
        // the audit trail stays: Custodian's API still shows the group, deactivated
        asAdmin()
                .get("/api/v1/groups/" + group)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("members.id", contains(member))
                .body("deactivatedAt", notNullValue());

        // pushed again by its name: the same group, active, with the members sent
        scim().body(Scim.group(name, List.of()))
                .post("/scim/v2/Groups")
                .then()
                .statusCode(201)
                .body("id", equalTo(group))
                .body("members", emptyIterable());
        scim().get("/scim/v2/Groups/" + group).then().statusCode(200);
        asAdmin()
                .get("/api/v1/groups/" + group)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("deactivatedAt")));
    }

    @Test
    void shouldNotChangeAGroupWhenAMemberIsDeprovisioned() {
        String leaver = createUser(unique("leaver") + "@example.com", "Leaver", Map.of());
        String group = createGroup(unique("Stays"), leaver);

        scim().delete("/scim/v2/Users/" + leaver).then().statusCode(204);

        // a deleted user is no SCIM user any more: not to be added, and the group keeps its record
        scim().body(patchOp(op("add", "members", List.of(Map.of("value", leaver)))))
                .patch("/scim/v2/Groups/" + group)
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        scim().get("/scim/v2/Groups/" + group)
                .then()
                .statusCode(200)
                .body("members.value", contains(leaver));
    }

    // --- discovery ---------------------------------------------------------------------------

    @Test
    void shouldDescribeGroupsInTheDiscoveryEndpoints() {
        scim().get("/scim/v2/ResourceTypes")
                .then()
                .statusCode(200)
                .contentType(startsWith(SCIM))
                .body("totalResults", equalTo(2))
                .body("Resources.id", contains("User", "Group"))
                .body("Resources[1].endpoint", equalTo("/Groups"))
                .body("Resources[1].schema", equalTo(GROUP));
        scim().get("/scim/v2/ResourceTypes/Group")
                .then()
                .statusCode(200)
                .body("schema", equalTo(GROUP))
                .body("meta.location", endsWith("/scim/v2/ResourceTypes/Group"));
        scim().get("/scim/v2/Schemas/" + GROUP)
                .then()
                .statusCode(200)
                .body("attributes.name", contains("displayName", "externalId", "members"))
                .body("attributes.find { it.name == 'displayName' }.required", equalTo(true))
                .body("attributes.find { it.name == 'members' }.multiValued", equalTo(true));
        scim().get("/scim/v2/ResourceTypes/Bulk")
                .then()
                .statusCode(404)
                .body("schemas", contains(ERROR));
        // a method Groups does not take
        scim().body(Map.of())
                .post("/scim/v2/Groups/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(405)
                .body("schemas", contains(ERROR))
                .body("detail", containsString("does not take this method"));
    }

    /** The group is a SCIM Group by RFC 7643's own schema. */
    private static void assertRfcGroup(String body) {
        try {
            JsonNode group = JSON.readTree(body);
            org.assertj.core.api.Assertions.assertThat(GROUP_SCHEMA.validate(group))
                    .as(body)
                    .isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The groups this filter finds. */
    private static ValidatableResponse groupsWhere(String filter) {
        return scim().queryParam("filter", filter)
                .get("/scim/v2/Groups")
                .then()
                .statusCode(200)
                .contentType(startsWith(SCIM))
                .body("schemas", contains(LIST));
    }

    private static ValidatableResponse transfers() {
        return as("auditor", "audit@example.com")
                .get("/api/v1/reports/ownership-transfers")
                .then()
                .statusCode(200);
    }
}
