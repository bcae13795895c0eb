package io.custodian.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** The six policy.* payload types produce and accept exactly what their schemas say. */
class PolicyEventsTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Instant NOW = Instant.parse("2026-11-27T08:15:00Z");
    private static final PolicyAsset ASSET =
            new PolicyAsset(UUID.randomUUID(), "LT-1", "Laptop", "laptop", "confidential");
    private static final PolicyPerson ADA =
            new PolicyPerson("ada@example.com", UUID.randomUUID(), "Ada Lovelace");
    private static final PolicyPerson CEO = new PolicyPerson("ceo@example.com", null, null);

    @Test
    void shouldMatchTheExceptionRequestedSchema() throws Exception {
        check(
                EventTypes.EXCEPTION_REQUESTED,
                new ExceptionRequested(
                        UUID.randomUUID(),
                        "handling",
                        "Because",
                        List.of(ASSET),
                        ADA,
                        NOW,
                        LocalDate.parse("2027-01-31")),
                ExceptionRequested.class);
    }

    @Test
    void shouldMatchTheExceptionDecidedSchemaForApprovalsAndRejections() throws Exception {
        check(
                EventTypes.EXCEPTION_DECIDED,
                new ExceptionDecided(
                        UUID.randomUUID(),
                        "handling",
                        "Because",
                        List.of(),
                        ADA,
                        LocalDate.parse("2027-01-31"),
                        ExceptionDecided.APPROVED,
                        "Fine",
                        CEO,
                        NOW,
                        LocalDate.parse("2027-01-15")),
                ExceptionDecided.class);
        check(
                EventTypes.EXCEPTION_DECIDED,
                new ExceptionDecided(
                        UUID.randomUUID(),
                        "return",
                        "Because",
                        List.of(ASSET),
                        ADA,
                        LocalDate.parse("2027-01-31"),
                        ExceptionDecided.REJECTED,
                        "No",
                        CEO,
                        NOW,
                        null),
                ExceptionDecided.class);
    }

    @Test
    void shouldMatchTheExceptionExpiredSchema() throws Exception {
        check(
                EventTypes.EXCEPTION_EXPIRED,
                new ExceptionExpired(
                        UUID.randomUUID(),
                        "acceptable_use",
                        "Because",
                        List.of(ASSET),
                        ADA,
                        CEO,
                        LocalDate.parse("2027-01-15"),
                        NOW),
                ExceptionExpired.class);
    }

    @Test
    void shouldMatchTheViolationSchemasWithAndWithoutPersonAndAsset() throws Exception {
        check(
                EventTypes.VIOLATION_REPORTED,
                new ViolationReported(
                        UUID.randomUUID(), "Left unlocked", null, null, null, null, CEO, NOW),
                ViolationReported.class);
        check(
                EventTypes.VIOLATION_REPORTED,
                new ViolationReported(
                        UUID.randomUUID(),
                        "Left unlocked",
                        "handling",
                        NOW.minusSeconds(3600),
                        ADA,
                        ASSET,
                        CEO,
                        NOW),
                ViolationReported.class);
        check(
                EventTypes.VIOLATION_ACKNOWLEDGED,
                new ViolationAcknowledged(
                        UUID.randomUUID(), "Left unlocked", null, ADA, null, CEO, CEO, NOW, null),
                ViolationAcknowledged.class);
        check(
                EventTypes.VIOLATION_CLOSED,
                new ViolationClosed(
                        UUID.randomUUID(),
                        "Left unlocked",
                        "handling",
                        null,
                        ASSET,
                        ADA,
                        CEO,
                        NOW,
                        "Talked to them"),
                ViolationClosed.class);
    }

    @Test
    void shouldRejectAnUnknownClause() throws Exception {
        JsonNode json =
                MAPPER.valueToTree(
                        new ViolationReported(
                                UUID.randomUUID(), "x", "coffee", null, null, null, CEO, NOW));
        assertThat(schema(EventTypes.VIOLATION_REPORTED).validate(json))
                .anySatisfy(m -> assertThat(m.getMessage()).contains("clause"));
        ((ObjectNode) json).remove("reporter");
        assertThat(schema(EventTypes.VIOLATION_REPORTED).validate(json))
                .anySatisfy(m -> assertThat(m.getMessage()).contains("reporter"));
    }

    /** The record serializes to what the schema accepts; the schema's example reads back 1:1. */
    private static <T> void check(String type, T event, Class<T> recordType) throws Exception {
        JsonSchema schema = schema(type);
        assertThat(schema.validate(MAPPER.valueToTree(event))).as(type).isEmpty();

        JsonNode example = IncidentReportedTest.schemaJson(type).get("examples").get(0);
        assertThat(schema.validate(example)).as(type + " example").isEmpty();
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
