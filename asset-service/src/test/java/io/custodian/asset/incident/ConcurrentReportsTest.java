package io.custodian.asset.incident;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static io.custodian.asset.incident.IncidentResourceTest.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.custodian.asset.AtOnce;
import io.custodian.asset.EventTap;
import io.custodian.asset.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The holder and IT report one laptop stolen at the same moment: one incident is opened, with one
 * event (so one alert); the other caller is told of that incident (409 naming it), not given a
 * second one.
 */
@QuarkusTest
class ConcurrentReportsTest {

    private static final String PROBLEM = "application/problem+json";

    @RepeatedTest(5)
    void shouldOpenOneIncidentWithOneEventForTwoReportsOfOneAssetAtOnce() {
        String holder = unique("ada") + "@example.com";
        String tag = unique("LT");
        String asset = createAsset(tag, "person", createPerson(holder));
        var occurred = TestClock.now().minus(20, ChronoUnit.MINUTES);

        try (EventTap tap = new EventTap()) {
            List<Response> answers =
                    AtOnce.call(
                            () ->
                                    as("employee", holder)
                                            .body(report(tag, "stolen", occurred))
                                            .post("/api/v1/incidents"),
                            () ->
                                    asAdmin()
                                            .body(report(tag, "stolen", occurred))
                                            .post("/api/v1/incidents"));

            List<Integer> statuses = AtOnce.statuses(answers);
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            String incident = answers.get(statuses.indexOf(201)).jsonPath().getString("id");
            Response told = answers.get(statuses.indexOf(409));
            assertThat(told.contentType()).startsWith(PROBLEM);
            assertThat(told.jsonPath().getString("detail"))
                    .contains("/api/v1/incidents/" + incident);
            assertThat(told.jsonPath().getString("errors[0].field")).isEqualTo("assetTag");

            assertThat(
                            asAdmin()
                                    .get("/api/v1/incidents?assetId=" + asset)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath()
                                    .getList("items.id", String.class))
                    .containsExactly(incident);
            assertThat(tap.settled(asset))
                    .extracting(EventTap.Event::type)
                    .containsExactly("asset.incident.reported");
        }
    }
}
