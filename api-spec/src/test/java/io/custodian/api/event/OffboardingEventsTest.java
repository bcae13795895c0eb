package io.custodian.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The off-boarding payload types and the re-hire that ends a departure produce and accept exactly
 * what their schemas say.
 */
class OffboardingEventsTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final OffboardingStarted.Person ADA =
            new OffboardingStarted.Person(UUID.randomUUID(), "E-1", "Ada", "ada@example.com");

    private static final OffboardingStarted.Item LAPTOP =
            new OffboardingStarted.Item(
                    "return", "pending", UUID.randomUUID(), "LT-1", "Laptop", "laptop");

    @Test
    void shouldMatchTheStartedSchemaBothWays() throws Exception {
        check(
                EventTypes.OFFBOARDING_STARTED,
                new OffboardingStarted(
                        UUID.randomUUID(),
                        ADA,
                        null,
                        LocalDate.parse("2026-12-18"),
                        "scim",
                        null,
                        Instant.parse("2026-12-01T09:30:00Z"),
                        List.of(LAPTOP)),
                OffboardingStarted.class);
    }

    @Test
    void shouldMatchTheReturnOverdueSchemaBothWays() throws Exception {
        check(
                EventTypes.OFFBOARDING_RETURN_OVERDUE,
                new OffboardingReturnOverdue(
                        UUID.randomUUID(),
                        ADA,
                        ADA,
                        LocalDate.parse("2026-12-18"),
                        LocalDate.parse("2026-12-22"),
                        4,
                        List.of(LAPTOP)),
                OffboardingReturnOverdue.class);
    }

    @Test
    void shouldMatchTheCompletedSchemaBothWays() throws Exception {
        check(
                EventTypes.OFFBOARDING_COMPLETED,
                new OffboardingCompleted(
                        UUID.randomUUID(),
                        ADA,
                        null,
                        LocalDate.parse("2026-12-18"),
                        Instant.parse("2026-12-19T16:05:00Z"),
                        List.of(
                                new OffboardingStarted.Item(
                                        "ownership_transfer",
                                        "waived",
                                        UUID.randomUUID(),
                                        "DB-1",
                                        "Customer database",
                                        "database"))),
                OffboardingCompleted.class);
    }

    @Test
    void shouldMatchTheReactivatedSchemaBothWays() throws Exception {
        check(
                EventTypes.PERSON_REACTIVATED,
                new PersonReactivated(
                        new OffboardingStarted.Person(
                                UUID.randomUUID(), "E-1", "Ada", "ada@example.com", "00u1ada"),
                        null,
                        Instant.parse("2027-03-01T08:00:00Z"),
                        "scim",
                        "okta-scim"),
                PersonReactivated.class);
    }

    @Test
    void shouldRejectAReactivationFromAnUnknownSource() throws Exception {
        JsonNode json =
                MAPPER.valueToTree(new PersonReactivated(ADA, null, Instant.now(), "csv", "x"));
        assertThat(schema(EventTypes.PERSON_REACTIVATED).validate(json)).isNotEmpty();
    }

    @Test
    void shouldRejectAnUnknownItemStatus() throws Exception {
        JsonNode json =
                MAPPER.valueToTree(
                        new OffboardingStarted(
                                UUID.randomUUID(),
                                ADA,
                                null,
                                LocalDate.parse("2026-12-18"),
                                "webhook",
                                "HR-1",
                                Instant.now(),
                                List.of(
                                        new OffboardingStarted.Item(
                                                "return",
                                                "forgotten",
                                                UUID.randomUUID(),
                                                "LT-1",
                                                "Laptop",
                                                "laptop"))));
        assertThat(schema(EventTypes.OFFBOARDING_STARTED).validate(json)).isNotEmpty();
    }

    private static <T> void check(String type, T event, Class<T> recordType) throws Exception {
        JsonSchema schema = schema(type);
        assertThat(schema.validate(MAPPER.valueToTree(event))).isEmpty();

        JsonNode example = IncidentReportedTest.schemaJson(type).get("examples").get(0);
        assertThat(schema.validate(example)).isEmpty();
        T read = MAPPER.treeToValue(example, recordType);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(read))).isEqualTo(example);
    }

    private static JsonSchema schema(String type) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(
                        IncidentReportedTest.schemaJson(type),
                        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
}
