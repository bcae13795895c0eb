package io.custodian.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * People who leave, through the public API with real tokens: the HR system registers them (with a
 * manager), IT registers assets and hands them over, the HR system starts the off-boarding; and the
 * off-boarding mails in the SMTP sink, told apart by the leaver's name, which each subject carries.
 */
final class Leavers {

    /** IT's mailbox (CUSTODIAN_RECIPIENTS_IT of the harness). */
    static final String IT = "it@example.com";

    static final String HR = "hr@example.com";
    static final String ADMIN = "it-admin@example.com";

    /** Someone in the people directory. */
    record Person(String id, String employeeId, String email, String name) {}

    private final Custodian custodian;

    Leavers(Custodian custodian) {
        this.custodian = custodian;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new person as the HR system syncs them, with {@code manager} (or none). */
    Person person(String role, Person manager) {
        String employeeId = unique("E");
        String name = role + " " + employeeId;
        String email = employeeId.toLowerCase() + "@example.com";
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("displayName", name);
        if (manager != null) {
            body.put("managerEmployeeId", manager.employeeId());
        }
        String id =
                as("hr-system", HR)
                        .body(body)
                        .put("/api/v1/people/by-employee-id/" + employeeId)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        return new Person(id, employeeId, email, name);
    }

    /** A new asset in stock, owned by the person or group; returns its id. */
    String asset(String tag, String name, String category, String ownerType, String ownerId) {
        return as("asset-admin", ADMIN)
                .body(
                        Map.of(
                                "assetTag", tag,
                                "name", name,
                                "category", category,
                                "classification", "confidential",
                                "owner", Map.of("type", ownerType, "id", ownerId)))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * IT hands the asset to the person as it does in production: acceptable-use rules are published
     * (once per run), the person acknowledges them, IT checks the asset out to them.
     */
    void hold(String assetId, Person person) {
        if (as("asset-admin", ADMIN).get("/api/v1/acceptable-use/current").statusCode() == 404) {
            as("asset-admin", ADMIN)
                    .body(
                            Map.of(
                                    "version", "e2e-1",
                                    "title", "Acceptable use of company assets",
                                    "text", "Lock your screen; report a loss at once."))
                    .post("/api/v1/acceptable-use")
                    .then()
                    .statusCode(201);
        }
        int acknowledged =
                as("employee", person.email())
                        .post("/api/v1/acceptable-use/current/acknowledgements")
                        .statusCode();
        if (acknowledged != 200 && acknowledged != 201) {
            throw new AssertionError(person.email() + " could not acknowledge: " + acknowledged);
        }
        as("asset-admin", ADMIN)
                .header("If-Match", etag(assetId))
                .body(Map.of("personId", person.id()))
                .post("/api/v1/assets/" + assetId + "/checkout")
                .then()
                .statusCode(200)
                .body("holder.id", equalTo(person.id()));
    }

    /** IT takes the asset back into stock. */
    void checkIn(String assetId, String condition) {
        as("asset-admin", ADMIN)
                .header("If-Match", etag(assetId))
                .body(Map.of("condition", condition))
                .post("/api/v1/assets/" + assetId + "/checkin")
                .then()
                .statusCode(200)
                .body("status", equalTo("in_stock"));
    }

    /** IT hands the asset to another owner. */
    void changeOwner(String assetId, String ownerType, String ownerId) {
        as("asset-admin", ADMIN)
                .header("If-Match", etag(assetId))
                .body(Map.of("type", ownerType, "id", ownerId))
                .put("/api/v1/assets/" + assetId + "/owner")
                .then()
                .statusCode(200)
                .body("owner.id", equalTo(ownerId));
    }

    /** The HR webhook: the off-boarding of {@code person} with this last working day. */
    Response startOffboarding(Person person, String lastWorkingDay) {
        return as("hr-system", HR)
                .body(
                        Map.of(
                                "person", Map.of("employeeId", person.employeeId()),
                                "lastWorkingDay", lastWorkingDay,
                                "reference", unique("HR-TERM")))
                .post("/api/v1/offboardings");
    }

    Response offboarding(String id) {
        return as("hr-system", HR).get("/api/v1/offboardings/" + id);
    }

    /** The mails to {@code to} whose subject starts with {@code subject} and names the leaver. */
    List<MimeMessage> mails(String to, String subject, Person leaver) {
        return custodian.mail.messagesTo(to).stream()
                .filter(
                        m ->
                                Mails.subject(m).startsWith(subject)
                                        && Mails.subject(m).contains(leaver.name()))
                .toList();
    }

    /** The one such mail, once it arrived. */
    MimeMessage awaitMail(String to, String subject, Person leaver) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mails(to, subject, leaver), list -> !list.isEmpty())
                .get(0);
    }

    RequestSpecification as(String role, String email) {
        return given().baseUri(custodian.assetService)
                .auth()
                .oauth2(custodian.token(role, email))
                .contentType(ContentType.JSON);
    }

    private String etag(String assetId) {
        return as("asset-admin", ADMIN)
                .get("/api/v1/assets/" + assetId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }
}
