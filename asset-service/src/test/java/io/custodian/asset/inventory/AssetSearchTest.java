package io.custodian.asset.inventory;

import static io.custodian.asset.Api.anonymous;
import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssetSearchTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldNarrowByEachFilter() {
        String group = createGroup(unique("Search"));
        String person = createPerson(unique("searcher") + "@example.com");
        String prefix = unique("S");
        String serial = unique("SN");
        String a =
                create(
                        prefix + "-a",
                        "Alpha MacBook",
                        "laptop",
                        "confidential",
                        "group",
                        group,
                        Map.of("diskEncrypted", true, "mdmEnrolled", true, "screenLock", true),
                        serial);
        String b =
                create(
                        prefix + "-b",
                        "Beta Pixel",
                        "phone",
                        "internal",
                        "group",
                        group,
                        Map.of("diskEncrypted", false, "mdmEnrolled", true, "screenLock", false),
                        null);
        String c =
                create(
                        prefix + "-c",
                        "Gamma database",
                        "database",
                        "restricted",
                        "person",
                        person,
                        null,
                        null);
        String d =
                create(
                        prefix + "-d",
                        "Delta 50%_off tablet",
                        "tablet",
                        "confidential",
                        "group",
                        group,
                        Map.of("diskEncrypted", true, "mdmEnrolled", false, "screenLock", true),
                        null);
        asAdmin()
                .header("If-Match", "*")
                .body(Map.of("status", "in_use"))
                .post("/api/v1/assets/" + d + "/transitions")
                .then()
                .statusCode(200);
        sql("update asset set holder_id = ?1 where id = ?2", UUID.fromString(person), id(b));
        sql(
                "update asset set next_verification_due = now() - interval '1 day' where id = ?1",
                id(c));

        String byGroup = "ownerType=group&ownerId=" + group;
        String byPerson = "ownerType=person&ownerId=" + person;
        assertThat(tags(byGroup)).containsExactly(prefix + "-a", prefix + "-b", prefix + "-d");
        assertThat(tags(byPerson)).containsExactly(prefix + "-c");
        assertThat(tags("assetTag=" + prefix + "-a")).containsExactly(prefix + "-a");
        assertThat(tags("serialNumber=" + serial)).containsExactly(prefix + "-a");
        assertThat(tags("holderId=" + person)).containsExactly(prefix + "-b");
        assertThat(tags(byGroup + "&status=in_use")).containsExactly(prefix + "-d");
        assertThat(tags(byGroup + "&status=in_use,in_stock"))
                .containsExactly(prefix + "-a", prefix + "-b", prefix + "-d");
        assertThat(tags(byGroup + "&status=in_use&status=in_repair"))
                .containsExactly(prefix + "-d");
        assertThat(tags(byGroup + "&category=phone")).containsExactly(prefix + "-b");
        assertThat(tags(byGroup + "&classification=confidential"))
                .containsExactly(prefix + "-a", prefix + "-d");
        assertThat(tags(byPerson + "&classification=restricted")).containsExactly(prefix + "-c");
        assertThat(tags(byGroup + "&q=MACBOOK")).containsExactly(prefix + "-a");
        assertThat(tags(byGroup + "&q=50%25_")).containsExactly(prefix + "-d");
        assertThat(tags(byGroup + "&q=l%25t")).isEmpty();
        assertThat(tags(byPerson + "&verificationOverdue=true")).containsExactly(prefix + "-c");
        assertThat(tags(byPerson + "&verificationOverdue=false")).isEmpty();
        assertThat(tags(byGroup + "&verificationOverdue=false"))
                .containsExactly(prefix + "-a", prefix + "-b", prefix + "-d");
        assertThat(tags(byGroup + "&diskEncrypted=false")).containsExactly(prefix + "-b");
        assertThat(tags(byGroup + "&mdmEnrolled=false")).containsExactly(prefix + "-d");
        assertThat(tags(byGroup + "&screenLock=true"))
                .containsExactly(prefix + "-a", prefix + "-d");
        assertThat(
                        tags(
                                byGroup
                                        + "&category=laptop&classification=confidential&diskEncrypted=true"))
                .containsExactly(prefix + "-a");
        assertThat(a).isNotNull();
    }

    @Test
    void shouldReturnEveryRowExactlyOnceInOrderAcrossPages() {
        String group = createGroup(unique("Paging"));
        String prefix = unique("P");
        List<String> expected = new ArrayList<>();
        IntStream.range(0, 25).forEach(i -> expected.add(prefix + "-" + String.format("%02d", i)));
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled);
        shuffled.forEach(
                tag ->
                        create(
                                tag,
                                "Laptop " + tag,
                                "laptop",
                                "internal",
                                "group",
                                group,
                                null,
                                null));

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String url = "/api/v1/assets?ownerType=group&ownerId=" + group + "&limit=10";
        String last = null;
        while (url != null) {
            Response page = asAdmin().get(url);
            page.then().statusCode(200).contentType("application/json");
            List<String> tags = page.path("items.assetTag");
            seen.addAll(tags);
            sizes.add(tags.size());
            String next = page.path("next");
            String prev = page.path("prev");
            List<String> links = page.headers().getValues("Link");
            if (next != null) {
                assertThat(next).startsWith("http").contains("cursor=").contains("limit=10");
                assertThat(links).contains("<" + next + ">; rel=\"next\"");
            }
            if (prev != null) {
                assertThat(prev).contains("before=").doesNotContain("cursor=");
                assertThat(links).contains("<" + prev + ">; rel=\"prev\"");
            }
            assertThat(prev == null)
                    .as("only the first page has no prev")
                    .isEqualTo(seen.size() == 10);
            if (next == null) {
                last = prev;
            }
            url = next;
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(sizes).containsExactly(10, 10, 5);

        // and back, page by page, to the first
        List<String> back = new ArrayList<>(expected.subList(20, 25));
        url = last;
        while (url != null) {
            Response page = asAdmin().get(url);
            page.then().statusCode(200);
            List<String> tags = page.path("items.assetTag");
            assertThat(tags).hasSize(10);
            back.addAll(0, tags);
            assertThat((String) page.path("next")).contains("cursor=");
            url = page.path("prev");
        }
        assertThat(back).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldEndWithoutNextWhenTheLastPageIsExactlyFull() {
        String group = createGroup(unique("Exact"));
        String prefix = unique("X");
        create(prefix + "-1", "One", "laptop", "internal", "group", group, null, null);
        create(prefix + "-2", "Two", "laptop", "internal", "group", group, null, null);

        asAdmin()
                .get("/api/v1/assets?ownerType=group&ownerId=" + group + "&limit=2")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("next", nullValue());
    }

    @Test
    void shouldRefuseALimitAboveTheMaximumNamingIt() {
        badRequest("limit=1001", "limit");
        badRequest("limit=0", "limit");
        badRequest("limit=ten", "limit");
        asAdmin().get("/api/v1/assets?limit=1000&assetTag=none").then().statusCode(200);
    }

    @Test
    void shouldRefuseAMalformedCursor() {
        badRequest("cursor=%21%21not-base64", "cursor");
        badRequest("cursor=" + AssetSearch.encodeCursor("bad tag with spaces"), "cursor");
    }

    @Test
    void shouldRefuseInvalidFilterValuesNamingTheParameter() {
        badRequest("status=in_use,shipped", "status");
        badRequest("category=spaceship", "category");
        badRequest("classification=secret", "classification");
        badRequest("diskEncrypted=yes", "diskEncrypted");
        badRequest("verificationOverdue=maybe", "verificationOverdue");
        badRequest("holderId=42", "holderId");
        badRequest("ownerId=" + UUID.randomUUID(), "ownerType");
        badRequest("ownerType=team&ownerId=" + UUID.randomUUID(), "ownerType");
        badRequest("categroy=laptop", "categroy");
        badRequest("category=laptop&category=phone", "category");
    }

    @Test
    void shouldListOnlyWhatAnEmployeeHoldsOrOwnsOrTheirGroupOwns() {
        String email = unique("emp") + "@example.com";
        String me = createPerson(email);
        String group = createGroup(unique("Theirs"));
        String prefix = unique("E");
        create(prefix + "-owned", "Mine", "laptop", "internal", "person", me, null, null);
        String held =
                create(prefix + "-held", "Held", "phone", "internal", "group", group, null, null);
        create(prefix + "-other", "Not mine", "laptop", "internal", "group", group, null, null);
        sql("update asset set holder_id = ?1 where id = ?2", UUID.fromString(me), id(held));

        List<String> tags =
                as("employee", email.toUpperCase())
                        .get("/api/v1/assets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.assetTag");
        assertThat(tags).containsExactly(prefix + "-held", prefix + "-owned");

        List<String> filtered =
                as("employee", email)
                        .get("/api/v1/assets?ownerType=group&ownerId=" + group)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.assetTag");
        assertThat(filtered).containsExactly(prefix + "-held");

        asAdmin().put("/api/v1/groups/" + group + "/members/" + me).then().statusCode(200);
        List<String> asMember =
                as("employee", email)
                        .get("/api/v1/assets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.assetTag");
        assertThat(asMember)
                .containsExactly(prefix + "-held", prefix + "-other", prefix + "-owned");

        List<String> stranger =
                as("employee", unique("nobody") + "@example.com")
                        .get("/api/v1/assets?ownerType=group&ownerId=" + group)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.assetTag");
        assertThat(stranger).isEmpty();
    }

    @Test
    void shouldLetAuditorsAndLeadershipListEverything() {
        String group = createGroup(unique("Seen"));
        String tag = unique("A");
        create(tag, "Seen by all", "server", "restricted", "group", group, null, null);
        for (String role : List.of("auditor", "leadership")) {
            as(role, role + "@example.com")
                    .get("/api/v1/assets?ownerType=group&ownerId=" + group)
                    .then()
                    .statusCode(200)
                    .body("items[0].assetTag", equalTo(tag))
                    .body("items[0].owner.id", equalTo(group));
        }
    }

    @Test
    void shouldRefuseTheHrSystemAndAnonymousCallers() {
        as("hr-system", "hr@example.com")
                .get("/api/v1/assets")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        anonymous().get("/api/v1/assets").then().statusCode(401).contentType(PROBLEM);
    }

    private static void badRequest(String query, String parameter) {
        asAdmin()
                .get("/api/v1/assets?" + query)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo(parameter));
    }

    /** The tags a query finds; the query is sent as written (already URL-encoded). */
    private static List<String> tags(String query) {
        return asAdmin()
                .urlEncodingEnabled(false)
                .get("/api/v1/assets?" + query)
                .then()
                .statusCode(200)
                .extract()
                .path("items.assetTag");
    }

    private static String create(
            String tag,
            String name,
            String category,
            String classification,
            String ownerType,
            String ownerId,
            Map<String, Object> posture,
            String serial) {
        Map<String, Object> body = new HashMap<>();
        body.put("assetTag", tag);
        body.put("name", name);
        body.put("category", category);
        body.put("classification", classification);
        body.put("owner", Map.of("type", ownerType, "id", ownerId));
        if (posture != null) {
            body.put("posture", posture);
        }
        if (serial != null) {
            body.put("serialNumber", serial);
        }
        return createAsset(body);
    }

    private static UUID id(String id) {
        return UUID.fromString(id);
    }

    /** Test set-up the API has no endpoint for yet (holder, an overdue date). */
    private static void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            var query = Asset.getEntityManager().createNativeQuery(statement);
                            for (int i = 0; i < parameters.length; i++) {
                                query.setParameter(i + 1, parameters[i]);
                            }
                            query.executeUpdate();
                        });
    }
}
