package io.custodian.asset.inventory;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.asAdmin;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.asset.EventTap;
import io.custodian.asset.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VerificationTest {

    @Inject Verifications verifications;

    @Test
    void shouldLetTheOwnerAttestAndMoveTheDueDateOneCadenceOn() {
        String email = unique("owner") + "@example.com";
        String asset = createAsset(unique("LT"), "person", createPerson(email));

        String due =
                as("employee", email)
                        .body(Map.of("note", "On my desk"))
                        .post("/api/v1/assets/" + asset + "/verifications")
                        .then()
                        .statusCode(200)
                        .body("lastVerifiedAt", notNullValue())
                        .extract()
                        .path("nextVerificationDue");
        assertThat(Duration.between(TestClock.now(), Instant.parse(due)).toDays())
                .isBetween(89L, 90L);
    }

    @Test
    void shouldKeepStrangersFromAttesting() {
        String asset = createAsset(unique("LT"), "group", createGroup(unique("G")));
        as("employee", "stranger@example.com")
                .body(Map.of())
                .post("/api/v1/assets/" + asset + "/verifications")
                .then()
                .statusCode(404);
        as("auditor", "audit@example.com")
                .body(Map.of())
                .post("/api/v1/assets/" + asset + "/verifications")
                .then()
                .statusCode(403);
        as("hr-system", "hr@example.com")
                .body(Map.of())
                .post("/api/v1/assets/" + asset + "/verifications")
                .then()
                .statusCode(403);
        // leadership reads every asset but attests only what they hold or own
        as("leadership", "ceo@example.com")
                .body(Map.of())
                .post("/api/v1/assets/" + asset + "/verifications")
                .then()
                .statusCode(403);
        asAdmin()
                .body(Map.of())
                .post("/api/v1/assets/" + asset + "/verifications")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRemindOncePerDueDateThroughAnEvent() throws Exception {
        String tag = unique("LT");
        String asset = createAsset(tag, "group", createGroup(unique("G")));
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                Asset.<Asset>findById(UUID.fromString(asset)).nextVerificationDue =
                                        TestClock.now().minus(2, ChronoUnit.DAYS));

        try (EventTap tap = new EventTap()) {
            verifications.remindDaily();
            verifications.remindDaily();

            var data =
                    new ObjectMapper().readTree(tap.only(asset, "asset.verification.due").value());
            assertThat(data.get("assetTag").asText()).isEqualTo(tag);
            assertThat(data.get("overdue").asBoolean()).isTrue();
            assertThat(data.at("/owner/type").asText()).isEqualTo("group");
        }
        asAdmin().get("/api/v1/assets/" + asset).then().body("assetTag", equalTo(tag));
    }
}
