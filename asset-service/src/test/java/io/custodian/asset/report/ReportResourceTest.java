package io.custodian.asset.report;

import static io.custodian.asset.Api.as;
import static io.custodian.asset.Api.createAsset;
import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.createPerson;
import static io.custodian.asset.Api.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.custodian.asset.ownership.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportResourceTest {

    @Test
    void shouldListAssetsWhoseOwnerIsLeavingAsNeedingATransfer() {
        String leaver = createPerson(unique("leaver") + "@example.com");
        String stayer = createPerson(unique("stayer") + "@example.com");
        String leaversAsset = createAsset(unique("LT"), "person", leaver);
        String stayersAsset = createAsset(unique("LT"), "person", stayer);
        String teamAsset = createAsset(unique("LT"), "group", createGroup(unique("G")));
        // HR marks the person as leaving (the directory sync endpoint comes with the people
        // feature)
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                Person.<Person>findById(UUID.fromString(leaver)).status =
                                        Person.Status.LEAVING);

        as("auditor", "audit@example.com")
                .get("/api/v1/reports/ownership-transfers")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(leaversAsset))
                .body("items.id", not(hasItem(stayersAsset)))
                .body("items.id", not(hasItem(teamAsset)));
    }

    @Test
    void shouldKeepReportsFromEmployeesAndTheHrSystem() {
        as("employee", "e@example.com")
                .get("/api/v1/reports/ownership-transfers")
                .then()
                .statusCode(403);
        as("hr-system", "hr@example.com")
                .get("/api/v1/reports/ownership-transfers")
                .then()
                .statusCode(403);
    }
}
