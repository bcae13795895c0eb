package io.custodian.e2e;

import static io.custodian.e2e.Leavers.IT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.custodian.e2e.Leavers.Person;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An off-boarding, end to end: the HR system starts it (its webhook, or an identity provider's SCIM
 * deprovisioning) for someone who holds and owns assets and has a manager; asset-service → outbox →
 * Kafka → notification-worker → SMTP, and the leaver, the manager and IT each find the mail that
 * names what must come back and what needs a new owner. Closing every item completes it, and IT and
 * the manager are told how each item ended.
 */
class OffboardingMailTest {

    private static final String STARTED = "[Custodian] Off-boarding: ";
    private static final String COMPLETED = "[Custodian] Off-boarding completed: ";
    private static final String SCIM_JSON = "application/scim+json";
    private static final String ENTERPRISE =
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** As the worker writes a day (its alerts' time zone and its default locale, English). */
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Custodian custodian;
    private static Leavers leavers;

    @RegisterExtension
    static final BeforeAllCallback SYSTEM =
            context -> {
                custodian = Custodian.get(context);
                leavers = new Leavers(custodian);
            };

    @Test
    void shouldMailTheLeaverTheManagerAndItWhatToReturnWhenHrStartsAnOffboarding() {
        Person manager = leavers.person("Manager", null);
        Person leaver = leavers.person("Leaver", manager);
        Holdings holdings = holdings(leaver, manager);
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).plusDays(14);

        Response started = leavers.startOffboarding(leaver, lastDay.toString());
        started.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("open"))
                .body("source", equalTo("webhook"))
                .body("person.email", equalTo(leaver.email()))
                .body("person.status", equalTo("leaving"))
                .body("manager.email", equalTo(manager.email()))
                .body("lastWorkingDay", equalTo(lastDay.toString()))
                .body("overdue", equalTo(false))
                .body("items", hasSize(3))
                .body(
                        "items.asset.assetTag",
                        containsInAnyOrder(
                                holdings.laptop(), holdings.phone(), holdings.database()));

        String subject =
                STARTED + leaver.name() + " leaves on " + DAY.format(lastDay) + " (3 assets)";
        for (String to : List.of(leaver.email(), manager.email(), IT)) {
            MimeMessage mail = leavers.awaitMail(to, STARTED, leaver);
            assertThat(Mails.subject(mail)).as("subject to %s", to).isEqualTo(subject);
            assertThat(Mails.to(mail)).as("To of the mail to %s", to).containsExactly(to);
            assertStartedMail(Mails.text(mail), leaver, manager, lastDay, holdings);
        }

        // IT takes both devices back, the database gets a new owner: the off-boarding completes
        String id = started.path("id");
        leavers.checkIn(holdings.laptopId(), "Scratch on the lid");
        leavers.checkIn(holdings.phoneId(), "As new");
        leavers.changeOwner(holdings.databaseId(), "person", manager.id());
        leavers.offboarding(id)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("completed"))
                .body("person.status", equalTo("departed"));

        for (String to : List.of(IT, manager.email())) {
            MimeMessage mail = leavers.awaitMail(to, COMPLETED, leaver);
            assertThat(Mails.subject(mail)).isEqualTo(COMPLETED + leaver.name());
            assertThat(Mails.to(mail)).containsExactly(to);
            assertThat(Mails.text(mail))
                    .startsWith(
                            "The off-boarding of "
                                    + leaver.name()
                                    + " <"
                                    + leaver.email()
                                    + "> (last working day "
                                    + DAY.format(lastDay)
                                    + ") was completed on ")
                    .contains(
                            "Held assets:\n"
                                    + "  - "
                                    + holdings.laptop()
                                    + " MacBook Pro 14 (laptop): returned\n"
                                    + "  - "
                                    + holdings.phone()
                                    + " iPhone 15 (phone): returned\n")
                    .contains(
                            "Owned assets:\n"
                                    + "  - "
                                    + holdings.database()
                                    + " Customer database (database): handed to a new owner\n")
                    .contains("They are now recorded as departed.");
        }
        // the leaver is not told of the completion, and nobody gets a mail twice
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(
                        () ->
                                leavers.mails(leaver.email(), COMPLETED, leaver).isEmpty()
                                        && leavers.mails(leaver.email(), STARTED, leaver).size()
                                                == 1
                                        && leavers.mails(IT, STARTED, leaver).size() == 1
                                        && leavers.mails(IT, COMPLETED, leaver).size() == 1
                                        && leavers.mails(manager.email(), COMPLETED, leaver).size()
                                                == 1);
    }

    @Test
    void shouldMailTheLeaverTheManagerAndItWhenTheIdentityProviderDeactivatesTheUser() {
        deprovision(
                (user, etag) ->
                        leavers.as("hr-system", Leavers.HR)
                                .contentType(SCIM_JSON)
                                .header("If-Match", etag)
                                .body(
                                        """
                                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                                         "Operations": [{"op": "replace", "value": {"active": false}}]}
                                        """)
                                .patch("/scim/v2/Users/" + user)
                                .then()
                                .statusCode(200)
                                .contentType(SCIM_JSON)
                                .body("active", equalTo(false))
                                .extract()
                                .response());
    }

    @Test
    void shouldMailTheLeaverTheManagerAndItWhenTheIdentityProviderDeletesTheUser() {
        deprovision(
                (user, etag) ->
                        leavers.as("hr-system", Leavers.HR)
                                .contentType(SCIM_JSON)
                                .header("If-Match", etag)
                                .delete("/scim/v2/Users/" + user)
                                .then()
                                // the replay (If-Match *) finds the resource gone, RFC 7644 §3.6
                                .statusCode("*".equals(etag) ? 404 : 204)
                                .extract()
                                .response());
    }

    // --- helpers -----------------------------------------------------------------------------

    /** What the leaver has: two devices they hold (owned by the manager), a database they own. */
    private record Holdings(
            String laptop,
            String laptopId,
            String phone,
            String phoneId,
            String database,
            String databaseId) {}

    private static Holdings holdings(Person leaver, Person manager) {
        String tag = Leavers.unique("OB");
        String laptop = tag + "-A";
        String phone = tag + "-B";
        String database = tag + "-C";
        String laptopId = leavers.asset(laptop, "MacBook Pro 14", "laptop", "person", manager.id());
        String phoneId = leavers.asset(phone, "iPhone 15", "phone", "person", manager.id());
        String databaseId =
                leavers.asset(database, "Customer database", "database", "person", leaver.id());
        leavers.hold(laptopId, leaver);
        leavers.hold(phoneId, leaver);
        return new Holdings(laptop, laptopId, phone, phoneId, database, databaseId);
    }

    private static void assertStartedMail(
            String text, Person leaver, Person manager, LocalDate lastDay, Holdings holdings) {
        assertThat(text)
                .startsWith(
                        leaver.name()
                                + " <"
                                + leaver.email()
                                + "> leaves the company; their last working day is "
                                + DAY.format(lastDay)
                                + ".\nManager: "
                                + manager.name()
                                + " <"
                                + manager.email()
                                + ">\n")
                .contains(
                        "To be returned to IT by the last working day:\n"
                                + "  - "
                                + holdings.laptop()
                                + " MacBook Pro 14 (laptop)\n"
                                + "  - "
                                + holdings.phone()
                                + " iPhone 15 (phone)\n")
                .contains(
                        "Owned personally, each needs a new owner (a person or a team) before"
                                + " they leave:\n"
                                + "  - "
                                + holdings.database()
                                + " Customer database (database)\n")
                .doesNotContain("Nothing is recorded as held or owned by them.");
    }

    /**
     * The identity provider creates the user (with the manager, by the enterprise extension), IT
     * hands them assets, then {@code deprovision} (user id, ETag) takes them away: the off-boarding
     * starts with today as the last working day, source {@code scim}, and the mails go out.
     */
    private static void deprovision(BiFunction<String, String, Response> deprovision) {
        Person manager = leavers.person("Manager", null);
        String employeeId = Leavers.unique("E");
        String email = employeeId.toLowerCase() + "@example.com";
        String name = "Scim Leaver " + employeeId;
        Response created =
                leavers.as("hr-system", Leavers.HR)
                        .contentType(SCIM_JSON)
                        .body(
                                json(
                                        Map.of(
                                                "schemas",
                                                List.of(
                                                        "urn:ietf:params:scim:schemas:core:2.0:User",
                                                        ENTERPRISE),
                                                "userName",
                                                email,
                                                "externalId",
                                                employeeId,
                                                "displayName",
                                                name,
                                                "active",
                                                true,
                                                ENTERPRISE,
                                                Map.of("manager", Map.of("value", manager.id())))))
                        .post("/scim/v2/Users");
        created.then()
                .statusCode(201)
                .contentType(SCIM_JSON)
                .body("userName", equalTo(email))
                .body("active", equalTo(true));
        Person leaver = new Person(created.path("id"), employeeId, email, name);
        Holdings holdings = holdings(leaver, manager);
        String etag =
                leavers.as("hr-system", Leavers.HR)
                        .get("/scim/v2/Users/" + leaver.id())
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");

        deprovision.apply(leaver.id(), etag);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        leavers.as("hr-system", Leavers.HR)
                .queryParam("status", "open")
                .queryParam("limit", 1000)
                .get("/api/v1/offboardings")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("items.findAll { it.person.email == '" + email + "' }", hasSize(1))
                .body("items.find { it.person.email == '" + email + "' }.source", equalTo("scim"))
                .body(
                        "items.find { it.person.email == '" + email + "' }.lastWorkingDay",
                        equalTo(today.toString()))
                .body(
                        "items.find { it.person.email == '" + email + "' }.manager.email",
                        equalTo(manager.email()))
                .body("items.find { it.person.email == '" + email + "' }.items", hasSize(3));

        String subject = STARTED + name + " leaves on " + DAY.format(today) + " (3 assets)";
        for (String to : List.of(email, manager.email(), IT)) {
            MimeMessage mail = leavers.awaitMail(to, STARTED, leaver);
            assertThat(Mails.subject(mail)).as("subject to %s", to).isEqualTo(subject);
            assertThat(Mails.to(mail)).containsExactly(to);
            assertStartedMail(Mails.text(mail), leaver, manager, today, holdings);
        }
        // deprovisioning again starts nothing new and mails nobody again
        deprovision.apply(leaver.id(), "*");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(
                        () ->
                                leavers.mails(email, STARTED, leaver).size() == 1
                                        && leavers.mails(IT, STARTED, leaver).size() == 1);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
