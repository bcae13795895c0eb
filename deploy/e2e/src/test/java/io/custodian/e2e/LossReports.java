package io.custodian.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loss reports through the public API with real tokens, and the leadership alerts they cause in the
 * SMTP sink: what the resilience tests drive the system with. Each report is for a laptop of its
 * own, told apart by its asset tag, which every alert's subject carries.
 */
final class LossReports {

    static final String CEO = "ceo@example.com";
    static final String CTO = "cto@example.com";
    static final List<String> LEADERSHIP = List.of(CEO, CTO);

    private final Custodian custodian;

    LossReports(Custodian custodian) {
        this.custodian = custodian;
    }

    static String newTag() {
        return "RT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The employee who owns the laptop {@link #createLaptop} registers. */
    static String ownerEmail(String tag) {
        return tag.toLowerCase() + "@example.com";
    }

    /** A laptop owned personally by a fresh employee ({@link #ownerEmail}), who can report it. */
    String createLaptop(String tag) {
        return createLaptop(tag, ownerEmail(tag), "Owner of " + tag);
    }

    /**
     * A laptop owned personally by the person with this e-mail, recorded as the HR system would
     * (once: a second call finds the same person).
     */
    String createLaptop(String tag, String email, String name) {
        String person =
                as("asset-admin", "it@example.com")
                        .body(Map.of("email", email, "displayName", name))
                        .put(
                                "/api/v1/people/by-employee-id/E-"
                                        + email.substring(0, email.indexOf('@')))
                        .then()
                        .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                        .extract()
                        .<String>path("id");
        return as("asset-admin", "it@example.com")
                .body(
                        Map.of(
                                "assetTag", tag,
                                "name", "MacBook Pro 14",
                                "category", "laptop",
                                "classification", "confidential",
                                "owner", Map.of("type", "person", "id", person)))
                .post("/api/v1/assets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The owner reports the laptop stolen; returns the incident's id (201 asserted). */
    String reportStolen(String tag) {
        return reportStolen(tag, (request, response, next) -> next.next(request, response));
    }

    /**
     * As {@link #reportStolen(String)}; returns the instant the answer arrived, taken as soon as
     * the HTTP exchange is over and before the response is read.
     */
    Instant reportStolenAnsweredAt(String tag) {
        Instant[] answered = new Instant[1];
        reportStolen(
                tag,
                (request, response, next) -> {
                    Response answer = next.next(request, response);
                    answered[0] = Instant.now();
                    return answer;
                });
        return answered[0];
    }

    private String reportStolen(String tag, Filter answer) {
        return stolen(custodian.assetService, tag, answer)
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .extract()
                .path("id");
    }

    /**
     * The owner reports the laptop stolen at the asset-service answering at {@code base}; the
     * answer as it came (a refused connection throws).
     */
    Response reportStolenAt(String base, String tag) {
        return stolen(base, tag, (request, response, next) -> next.next(request, response));
    }

    private Response stolen(String base, String tag, Filter answer) {
        return as("employee", ownerEmail(tag))
                .baseUri(base)
                .filter(answer)
                .body(
                        Map.of(
                                "assetTag",
                                tag,
                                "kind",
                                "stolen",
                                "occurredAt",
                                Instant.now().minusSeconds(600).toString(),
                                "location",
                                "Cafe on Main St",
                                "circumstances",
                                "Bag taken from under the table"))
                .post("/api/v1/incidents");
    }

    /** The alerts {@code to} received about the laptop {@code tag}, oldest first. */
    List<MimeMessage> alerts(String to, String tag) {
        return custodian.mail.messagesTo(to).stream()
                .filter(m -> Mails.subject(m).contains(tag))
                .toList();
    }

    /** How many of {@code tags} {@code to} has received at least one alert about. */
    long alerted(String to, List<String> tags) {
        List<String> subjects = custodian.mail.messagesTo(to).stream().map(Mails::subject).toList();
        return tags.stream()
                .filter(tag -> subjects.stream().anyMatch(s -> s.contains(tag)))
                .count();
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RequestSpecification as(String role, String email) {
        return given().baseUri(custodian.assetService)
                .auth()
                .oauth2(custodian.token(role, email))
                .contentType(ContentType.JSON);
    }
}
