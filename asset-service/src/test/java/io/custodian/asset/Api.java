package io.custodian.asset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.custodian.local.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The public API as tests call it: real signed tokens, and every response checked against the
 * contract in api-spec/openapi.yaml.
 */
public final class Api {

    /** Responses must match the contract; requests may break it on purpose (negative tests). */
    private static final OpenApiValidationFilter CONTRACT =
            new OpenApiValidationFilter(
                    OpenApiInteractionValidator.createForInlineApiSpecification(openApi())
                            .withLevelResolver(
                                    LevelResolver.create()
                                            .withLevel(
                                                    "validation.request",
                                                    ValidationReport.Level.IGNORE)
                                            .build())
                            .build());

    private Api() {}

    public static String openApi() {
        try (InputStream in =
                Api.class.getClassLoader().getResourceAsStream("custodian/api/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String token(String role, String email) {
        return DevTokens.forTests().token(role, email);
    }

    public static RequestSpecification as(String role, String email) {
        return anonymous().auth().oauth2(token(role, email));
    }

    public static RequestSpecification asAdmin() {
        return as("asset-admin", "it@example.com");
    }

    public static RequestSpecification anonymous() {
        return given().filter(CONTRACT).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String createGroup(String name) {
        return asAdmin()
                .body(Map.of("name", name, "contactEmail", "team@example.com"))
                .post("/api/v1/groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String createPerson(String email) {
        return createPerson(email, "Ada Lovelace");
    }

    /** A person with this e-mail and display name; returns their id. */
    public static String createPerson(String email, String displayName) {
        return asAdmin()
                .body(Map.of("employeeId", unique("E"), "email", email, "displayName", displayName))
                .post("/api/v1/people")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The asset's current ETag, for If-Match. */
    public static String etag(String assetId) {
        return asAdmin()
                .get("/api/v1/assets/" + assetId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** A laptop owned by the given party; returns its id. */
    public static String createAsset(String tag, String ownerType, String ownerId) {
        return createAsset(
                Map.of(
                        "assetTag", tag,
                        "name", "MacBook Pro 14",
                        "category", "laptop",
                        "classification", "confidential",
                        "owner", Map.of("type", ownerType, "id", ownerId)));
    }

    /** An asset with these fields, created by an admin; returns its id. */
    public static String createAsset(Map<String, Object> fields) {
        return asAdmin()
                .body(fields)
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * The HR system starts the off-boarding of the person with this e-mail, last day in two weeks;
     * returns the created off-boarding.
     */
    public static JsonPath offboard(String email) {
        return startOffboarding(email).then().statusCode(201).extract().jsonPath();
    }

    /**
     * The HR system's request to start the off-boarding of the person with this e-mail, last day in
     * two weeks, as it was answered.
     */
    public static Response startOffboarding(String email) {
        return startOffboarding(email, TestClock.today().plusDays(14));
    }

    /** The HR system's request to start the off-boarding with this last day, as it was answered. */
    public static Response startOffboarding(String email, java.time.LocalDate lastWorkingDay) {
        return as("hr-system", "hr@example.com")
                .body(
                        Map.of(
                                "person", Map.of("email", email),
                                "lastWorkingDay", lastWorkingDay.toString(),
                                "reference", unique("HR")))
                .post("/api/v1/offboardings");
    }

    /** Publishes new acceptable-use rules (the current version from now on); returns it. */
    public static String publishAcceptableUse() {
        return publishAcceptableUse(unique("v"));
    }

    /** Publishes these acceptable-use rules, answered 201 with their location; returns it. */
    public static String publishAcceptableUse(String version) {
        asAdmin()
                .body(
                        Map.of(
                                "version",
                                version,
                                "title",
                                "Acceptable use",
                                "text",
                                "Lock your screen."))
                .post("/api/v1/acceptable-use")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/acceptable-use/versions/" + version));
        return version;
    }

    /**
     * Hands the asset to the person the way IT does: they acknowledge the rules, then check-out.
     */
    public static void hold(String assetId, String personId, String email) {
        as("employee", email).post("/api/v1/acceptable-use/current/acknowledgements");
        asAdmin()
                .header("If-Match", etag(assetId))
                .body(Map.of("personId", personId))
                .post("/api/v1/assets/" + assetId + "/checkout")
                .then()
                .statusCode(200)
                .body("holder.id", equalTo(personId));
    }

    /** One device's report for {@code POST /api/v1/posture-reports}, running macOS 15.1. */
    public static Map<String, Object> postureReport(
            String serial,
            boolean encrypted,
            boolean enrolled,
            boolean screenLock,
            String checkIn,
            String source) {
        Map<String, Object> report = new java.util.HashMap<>();
        report.put("serialNumber", serial);
        report.put("diskEncrypted", encrypted);
        report.put("mdmEnrolled", enrolled);
        report.put("screenLock", screenLock);
        report.put("osVersion", "macOS 15.1");
        report.put("lastCheckIn", checkIn);
        report.put("source", source);
        return report;
    }
}
