package io.custodian.asset.inventory;

import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.etag;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.custodian.asset.AtOnce;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two admins change one asset with the same ETag at the same moment: one change lands, the other is
 * a 412 (whether it lost at the ETag check or at the commit), and the register, its ETag and its
 * history show the winner's change alone.
 */
@QuarkusTest
class ConcurrentUpdatesTest {

    private static final String PROBLEM = "application/problem+json";

    @RepeatedTest(5)
    void shouldLetOnlyOneOfTwoWritesWithTheSameETagThrough() {
        String id = createAsset(unique("LT"), "group", createGroup(unique("G")));
        String etag = etag(id);

        List<Response> answers =
                AtOnce.call(() -> moveTo(id, etag, "Leeds"), () -> moveTo(id, etag, "York"));

        assertThat(AtOnce.statuses(answers)).containsExactlyInAnyOrder(200, 412);
        Response won = answers.get(0).statusCode() == 200 ? answers.get(0) : answers.get(1);
        Response lost = won == answers.get(0) ? answers.get(1) : answers.get(0);
        assertThat(lost.contentType()).startsWith(PROBLEM);
        assertThat(lost.jsonPath().getInt("status")).isEqualTo(412);

        String location = won.jsonPath().getString("location");
        Response now = asAdmin().get("/api/v1/assets/" + id);
        assertThat(now.jsonPath().getString("location")).isEqualTo(location);
        assertThat(now.header("ETag")).isEqualTo(won.header("ETag"));
        List<Map<String, Object>> history =
                asAdmin()
                        .get("/api/v1/assets/" + id + "/history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items");
        assertThat(history).hasSize(2);
    }

    private static Response moveTo(String id, String etag, String location) {
        return asAdmin()
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("location", location))
                .patch("/api/v1/assets/" + id);
    }
}
