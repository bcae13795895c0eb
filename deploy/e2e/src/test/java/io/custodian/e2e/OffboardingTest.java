package io.custodian.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person leaves, end to end: the HR system starts the off-boarding over the public API, IT checks
 * the laptop in and gives the database the leaver owned a new owner, and what each service does
 * with it — the e-mails in the SMTP sink, the worker's delivery log, the register's export, and the
 * departed person's still-valid token refused by both services, and accepted again once HR re-hires
 * them.
 */
class OffboardingTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String IT = "it@example.com";
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** asset-service's production person-status cache: a departure takes effect within it. */
    private static final Duration PERSON_STATUS_CACHE = Duration.ofSeconds(30);

    private static Custodian custodian;

    @RegisterExtension
    static final BeforeAllCallback SYSTEM = context -> custodian = Custodian.get(context);

    /** A leaver, their manager and what the leaver has: a laptop they hold, a database they own. */
    record Leaver(
            String name,
            String email,
            String employeeId,
            String manager,
            String managerId,
            String team,
            String laptop,
            String laptopTag,
            String database,
            String databaseTag,
            String marker,
            LocalDate lastDay) {}

    @Test
    void shouldTellTheLeaverTheirManagerAndItWhatToReturnThenWhatWasDoneAndExportTheOutcome() {
        Leaver leaver = leaver();

        String offboarding = startOffboarding(leaver);

        // started: the leaver, the manager and IT, once each, with what must come back
        String startedSubject =
                "[Custodian] Off-boarding: "
                        + leaver.name()
                        + " leaves on "
                        + DAY.format(leaver.lastDay())
                        + " (2 assets)";
        for (String to : List.of(leaver.email(), leaver.manager(), IT)) {
            MimeMessage started = awaitOne(to, "Off-boarding: " + leaver.name());
            assertThat(subject(started)).isEqualTo(startedSubject);
            assertThat(text(started))
                    .contains(
                            "To be returned to IT by the last working day:\n  - "
                                    + leaver.laptopTag()
                                    + " MacBook Pro 14 "
                                    + leaver.marker()
                                    + " (laptop)")
                    .contains(
                            "each needs a new owner (a person or a team) before they leave:\n  - "
                                    + leaver.databaseTag()
                                    + " Payroll database "
                                    + leaver.marker()
                                    + " (database)")
                    .contains("Manager: Manager " + leaver.marker() + " <" + leaver.manager());
        }

        checkIn(leaver.laptop(), "Keyboard worn");
        asAdmin()
                .get("/api/v1/offboardings/" + offboarding)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("open"))
                .body(
                        "items.find { it.asset.id == '" + leaver.laptop() + "' }.status",
                        equalTo("returned"));
        changeOwner(leaver.database(), leaver.managerId());

        asAdmin()
                .get("/api/v1/offboardings/" + offboarding)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("completed"))
                .body("person.status", equalTo("departed"));

        // completed: IT and the manager (the route is "it,manager"), with how each item ended
        String completedSubject = "[Custodian] Off-boarding completed: " + leaver.name();
        MimeMessage toIt = awaitOne(IT, completedSubject);
        MimeMessage toManager = awaitOne(leaver.manager(), completedSubject);
        for (MimeMessage completed : List.of(toIt, toManager)) {
            assertThat(subject(completed)).isEqualTo(completedSubject);
            assertThat(text(completed))
                    .contains(
                            "  - "
                                    + leaver.laptopTag()
                                    + " MacBook Pro 14 "
                                    + leaver.marker()
                                    + " (laptop): returned")
                    .contains(
                            "  - "
                                    + leaver.databaseTag()
                                    + " Payroll database "
                                    + leaver.marker()
                                    + " (database): handed to a new owner")
                    .contains("They are now recorded as departed.");
        }
        // the leaver is told when it starts, not when it completes; and nobody is told twice
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(
                        () ->
                                about(leaver.email(), leaver.name()).size() == 1
                                        && about(IT, leaver.name()).size() == 2
                                        && about(leaver.manager(), leaver.name()).size() == 2);

        // the worker's delivery log of the completed event: exactly IT and the manager, by e-mail
        String eventId = eventId(toIt);
        assertThat(eventId(toManager)).isEqualTo(eventId);
        JsonPath deliveries =
                worker("auditor", "audit@example.com")
                        .queryParam("eventId", eventId)
                        .get("/api/v1/deliveries")
                        .then()
                        .statusCode(200)
                        .contentType(ContentType.JSON)
                        .body("size()", equalTo(2))
                        .body(
                                "type",
                                equalTo(List.of("offboarding.completed", "offboarding.completed")))
                        .body("channel", equalTo(List.of("email", "email")))
                        .body("status", equalTo(List.of("delivered", "delivered")))
                        .extract()
                        .jsonPath();
        assertThat(deliveries.getList("recipient", String.class))
                .containsExactlyInAnyOrder(IT, leaver.manager());

        // the register as IT exports it afterwards: the laptop back in stock with nobody holding
        // it, the database owned by the manager
        JsonPath export =
                asAdmin()
                        .accept(ContentType.JSON)
                        .queryParam("format", "json")
                        .queryParam("q", leaver.marker())
                        .get("/api/v1/exports")
                        .then()
                        .statusCode(200)
                        .contentType(ContentType.JSON)
                        .header("Content-Disposition", startsWith("attachment; filename="))
                        .body(
                                "assetTag",
                                equalTo(List.of(leaver.databaseTag(), leaver.laptopTag())))
                        .extract()
                        .jsonPath();
        Map<String, Object> database = export.getMap("[0]");
        Map<String, Object> laptop = export.getMap("[1]");
        assertThat(laptop)
                .containsEntry("status", "in_stock")
                .containsEntry("ownerType", "group")
                .containsEntry("ownerId", leaver.team())
                .doesNotContainKey("holderEmail");
        assertThat(database)
                .containsEntry("ownerType", "person")
                .containsEntry("owner", leaver.manager())
                .containsEntry("ownerId", leaver.managerId())
                .doesNotContainKey("holderEmail");
    }

    @Test
    void shouldLockADepartedAdminOutOfExportsAndTheDeliveryLogRecordingNoRefusedExport() {
        Leaver leaver = leaver();
        // the leaver works in IT: an admin who exports the register and reads the delivery log
        exportAs(leaver.email()).then().statusCode(200).contentType(startsWith("text/csv"));
        readDeliveryLogAs(leaver.email()).then().statusCode(200).contentType(ContentType.JSON);
        // an export it cannot make is refused naming the parameter, and is not on record
        as("asset-admin", leaver.email())
                .queryParam("format", "xlsx")
                .get("/api/v1/exports")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("format"));

        startOffboarding(leaver);
        // leaving people keep working until their last day
        exportAs(leaver.email()).then().statusCode(200).contentType(startsWith("text/csv"));

        checkIn(leaver.laptop(), null);
        changeOwner(leaver.database(), leaver.managerId());
        Instant departed = Instant.now();

        // the same still-valid admin token: refused by asset-service once its person-status cache
        // has let go of "leaving" (watched on a read, which records nothing) ...
        await().atMost(PERSON_STATUS_CACHE.plusSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () ->
                                as("asset-admin", leaver.email())
                                                .get("/api/v1/assets/" + leaver.laptop())
                                                .statusCode()
                                        == 403);
        long assetServiceMs = Duration.between(departed, Instant.now()).toMillis();
        exportAs(leaver.email())
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("status", equalTo(403))
                .body("detail", containsString("departed"));
        // ... and by the worker, once it has read offboarding.completed
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> readDeliveryLogAs(leaver.email()).statusCode() == 403);
        readDeliveryLogAs(leaver.email()).then().statusCode(403).contentType(PROBLEM);
        System.out.printf(
                "off-boarding completed -> departed admin's export refused after %d ms"
                        + " (person-status cache %d s)%n",
                assetServiceMs, PERSON_STATUS_CACHE.toSeconds());

        // the record of exports holds the two taken before, neither the invalid nor the refused
        // ones
        as("auditor", "audit@example.com")
                .queryParam("requestedBy", leaver.email())
                .get("/api/v1/reports/exports")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("items", hasSize(2))
                .body("items.status", equalTo(List.of("completed", "completed")))
                .body("items.rowCount", equalTo(List.of(2, 2)));
        // another admin is unaffected
        as("asset-admin", IT)
                .accept("text/csv")
                .queryParam("q", leaver.marker())
                .get("/api/v1/exports")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"));

        // HR re-hires them: the same token works in both services again, and IT and the manager
        // are told once each
        Instant rehired = Instant.now();
        as("hr-system", "hr@example.com")
                .body(
                        Map.of(
                                "email",
                                leaver.email(),
                                "displayName",
                                leaver.name(),
                                "managerEmployeeId",
                                "M-" + leaver.marker(),
                                "status",
                                "active"))
                .put("/api/v1/people/by-employee-id/" + leaver.employeeId())
                .then()
                .statusCode(200)
                .body("status", equalTo("active"));
        await().atMost(PERSON_STATUS_CACHE.plusSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> exportAs(leaver.email()).statusCode() == 200);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> readDeliveryLogAs(leaver.email()).statusCode() == 200);
        String back = "[Custodian] Re-hired: " + leaver.name() + " is active again";
        assertThat(text(awaitOne(IT, back))).contains(leaver.email()).contains("HR directory sync");
        awaitOne(leaver.manager(), back);
        System.out.printf(
                "re-hired -> the same admin token accepted by both services after %d ms%n",
                Duration.between(rehired, Instant.now()).toMillis());
    }

    // --- the leaver --------------------------------------------------------------------------

    /**
     * A person synced from HR with a manager, holding a laptop of their team (checked out the way
     * IT does, after they acknowledged the acceptable-use rules) and owning a database.
     */
    private static Leaver leaver() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String managerEmail = "manager-" + marker + "@example.com";
        String email = "leaver-" + marker + "@example.com";
        String managerEmployeeId = "M-" + marker;
        String employeeId = "E-" + marker;
        String managerId = sync(managerEmployeeId, managerEmail, "Manager " + marker, null);
        String name = "Leaver " + marker;
        String leaverId = sync(employeeId, email, name, managerEmployeeId);
        String team =
                asAdmin()
                        .body(
                                Map.of(
                                        "name",
                                        "Team " + marker,
                                        "contactEmail",
                                        "team-" + marker + "@example.com"))
                        .post("/api/v1/groups")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String laptopTag = "OB-" + marker + "-LT";
        String laptop =
                createAsset(
                        laptopTag,
                        "MacBook Pro 14 " + marker,
                        "laptop",
                        Map.of("type", "group", "id", team));
        String databaseTag = "OB-" + marker + "-DB";
        String database =
                createAsset(
                        databaseTag,
                        "Payroll database " + marker,
                        "database",
                        Map.of("type", "person", "id", leaverId));

        asAdmin()
                .body(
                        Map.of(
                                "version",
                                "e2e-" + marker,
                                "title",
                                "Acceptable use",
                                "text",
                                "Lock your screen."))
                .post("/api/v1/acceptable-use")
                .then()
                .statusCode(201);
        as("employee", email)
                .post("/api/v1/acceptable-use/current/acknowledgements")
                .then()
                .statusCode(201);
        asAdmin()
                .header("If-Match", etag(laptop))
                .body(Map.of("personId", leaverId))
                .post("/api/v1/assets/" + laptop + "/checkout")
                .then()
                .statusCode(200)
                .body("holder.id", equalTo(leaverId));
        return new Leaver(
                name,
                email,
                employeeId,
                managerEmail,
                managerId,
                team,
                laptop,
                laptopTag,
                database,
                databaseTag,
                marker,
                LocalDate.now(ZoneOffset.UTC).plusDays(14));
    }

    /** The HR webhook: 201, open, one return and one ownership-transfer item. */
    private static String startOffboarding(Leaver leaver) {
        return as("hr-system", "hr@example.com")
                .body(
                        Map.of(
                                "person",
                                Map.of("employeeId", leaver.employeeId()),
                                "lastWorkingDay",
                                leaver.lastDay().toString(),
                                "reference",
                                "HR-" + leaver.marker()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("open"))
                .body("person.status", equalTo("leaving"))
                .body("items.kind", hasSize(2))
                .body("items.find { it.kind == 'return' }.asset.id", equalTo(leaver.laptop()))
                .body(
                        "items.find { it.kind == 'ownership_transfer' }.asset.id",
                        equalTo(leaver.database()))
                .extract()
                .path("id");
    }

    private static String sync(
            String employeeId, String email, String displayName, String managerEmployeeId) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("displayName", displayName);
        if (managerEmployeeId != null) {
            body.put("managerEmployeeId", managerEmployeeId);
        }
        return as("hr-system", "hr@example.com")
                .body(body)
                .put("/api/v1/people/by-employee-id/" + employeeId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String createAsset(
            String tag, String name, String category, Map<String, String> owner) {
        return asAdmin()
                .body(
                        Map.of(
                                "assetTag", tag,
                                "name", name,
                                "category", category,
                                "classification", "confidential",
                                "owner", owner))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void checkIn(String asset, String condition) {
        asAdmin()
                .header("If-Match", etag(asset))
                .body(condition == null ? Map.of() : Map.of("condition", condition))
                .post("/api/v1/assets/" + asset + "/checkin")
                .then()
                .statusCode(200)
                .body("status", equalTo("in_stock"));
    }

    private static void changeOwner(String asset, String personId) {
        asAdmin()
                .header("If-Match", etag(asset))
                .body(Map.of("type", "person", "id", personId))
                .put("/api/v1/assets/" + asset + "/owner")
                .then()
                .statusCode(200)
                .body("owner.id", equalTo(personId));
    }

    private static String etag(String asset) {
        return asAdmin()
                .get("/api/v1/assets/" + asset)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    // --- calls -------------------------------------------------------------------------------

    private static io.restassured.response.Response exportAs(String admin) {
        return as("asset-admin", admin)
                .accept("text/csv")
                .queryParam("format", "csv")
                .queryParam("q", admin.substring("leaver-".length(), admin.indexOf('@')))
                .get("/api/v1/exports");
    }

    private static io.restassured.response.Response readDeliveryLogAs(String admin) {
        return worker("asset-admin", admin)
                .queryParam("eventId", UUID.randomUUID().toString())
                .get("/api/v1/deliveries");
    }

    private static RequestSpecification asAdmin() {
        return as("asset-admin", IT);
    }

    private static RequestSpecification as(String role, String email) {
        return given().baseUri(custodian.assetService)
                .auth()
                .oauth2(custodian.token(role, email))
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification worker(String role, String email) {
        return given().baseUri(custodian.notificationWorker)
                .auth()
                .oauth2(custodian.token(role, email));
    }

    // --- mail --------------------------------------------------------------------------------

    /** The one mail to {@code to} whose subject contains {@code subject}, once it arrived. */
    private static MimeMessage awaitOne(String to, String subject) {
        List<MimeMessage> mails =
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> about(to, subject), list -> !list.isEmpty());
        assertThat(mails).as("mails to %s about %s", to, subject).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> about(String to, String subject) {
        return custodian.mail.messagesTo(to).stream()
                .filter(m -> subject(m).contains(subject))
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain part, line breaks as {@code \n}. */
    private static String text(MimeMessage message) {
        try {
            return plain(message.getContent()).replace("\r\n", "\n");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String plain(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.isMimeType("multipart/*")) {
                    String nested = plain(part.getContent());
                    if (nested != null) {
                        return nested;
                    }
                }
            }
        }
        return null;
    }

    /** The CloudEvent id an alert was sent for: its Message-ID is {@code <eventId.hash@domain>}. */
    private static String eventId(MimeMessage message) {
        String id = LossReports.messageId(message);
        return id.substring(1, id.lastIndexOf('.', id.indexOf('@')));
    }
}
