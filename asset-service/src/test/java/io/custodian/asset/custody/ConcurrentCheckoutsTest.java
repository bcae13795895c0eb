package io.custodian.asset.custody;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.publishAcceptableUse;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.custodian.asset.AtOnce;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two admins hand out one asset to two people at the same moment: one hand-over lands, the other is
 * refused, and the register holds one holder and one open custody record, the winner's.
 */
@QuarkusTest
class ConcurrentCheckoutsTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void rules() {
        publishAcceptableUse();
    }

    @RepeatedTest(5)
    void shouldHandAnAssetToOnlyOneOfTwoPeopleAtOnce() {
        String ada = acknowledged();
        String grace = acknowledged();
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));
        String etag = etag(asset);

        List<Response> answers =
                AtOnce.call(() -> checkout(asset, etag, ada), () -> checkout(asset, etag, grace));

        List<Integer> statuses = AtOnce.statuses(answers);
        assertThat(statuses).containsOnlyOnce(200);
        Response lost = answers.get(statuses.indexOf(200) == 0 ? 1 : 0);
        assertThat(lost.statusCode()).isIn(409, 412);
        assertThat(lost.contentType()).startsWith(PROBLEM);
        String winner = statuses.get(0) == 200 ? ada : grace;

        assertThat(asAdmin().get("/api/v1/assets/" + asset).jsonPath().getString("holder.id"))
                .isEqualTo(winner);
        assertThat(openCustodies(asset)).containsExactly(UUID.fromString(winner));
    }

    private static String acknowledged() {
        String email = unique("holder") + "@example.com";
        String person = createPerson(email);
        as("employee", email)
                .post("/api/v1/acceptable-use/current/acknowledgements")
                .then()
                .statusCode(201);
        return person;
    }

    private static Response checkout(String asset, String etag, String person) {
        return asAdmin()
                .header("If-Match", etag)
                .body(Map.of("personId", person))
                .post("/api/v1/assets/" + asset + "/checkout");
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> openCustodies(String asset) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                Panache.getEntityManager()
                                        .createNativeQuery(
                                                "select person_id from custody where asset_id = ?1"
                                                        + " and checked_in_at is null")
                                        .setParameter(1, UUID.fromString(asset))
                                        .getResultList());
    }
}
