package io.custodian.notification;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.custodian.local.DevTokens;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The worker's delivery log as tests call it: real signed tokens, and every response checked
 * against api-spec/notification-worker.openapi.yaml.
 */
public final class DeliveryLogApi {

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

    private DeliveryLogApi() {}

    static String openApi() {
        try (InputStream in =
                DeliveryLogApi.class
                        .getClassLoader()
                        .getResourceAsStream("custodian/api/notification-worker.openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RequestSpecification as(String role, String email) {
        return anonymous().auth().oauth2(DevTokens.forTests().token(role, email));
    }

    public static RequestSpecification anonymous() {
        return given().filter(CONTRACT).accept("application/json, application/problem+json");
    }

    /** The status the delivery log answers a bearer of this token with (any event's deliveries). */
    public static int statusFor(String token) {
        return anonymous()
                .auth()
                .oauth2(token)
                .queryParam("eventId", java.util.UUID.randomUUID().toString())
                .get("/api/v1/deliveries")
                .then()
                .extract()
                .statusCode();
    }
}
