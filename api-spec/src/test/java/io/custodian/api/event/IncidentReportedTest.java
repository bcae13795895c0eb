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
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The payload type both services share must produce and accept exactly what the schema says. */
class IncidentReportedTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final JsonSchema schema = schema(EventTypes.INCIDENT_REPORTED);

    @Test
    void shouldSerializeAFullEventThatTheSchemaAccepts() {
        var event =
                sample(
                        "Ada's team",
                        new IncidentReported.Party(
                                "person", UUID.randomUUID(), "Ada", "ada@example.com"));

        Set<ValidationMessage> errors = schema.validate(MAPPER.valueToTree(event));

        assertThat(errors).isEmpty();
    }

    @Test
    void shouldOmitAbsentOptionalFieldsRatherThanWriteNulls() {
        var event = sample("Platform", null);

        JsonNode json = MAPPER.valueToTree(event);

        assertThat(json.has("holder")).isFalse();
        assertThat(schema.validate(json)).isEmpty();
    }

    @Test
    void shouldRejectAnEventTheSchemaDoesNotAllow() {
        JsonNode json = MAPPER.valueToTree(sample("Platform", null));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("kind", "misplaced");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("asset");

        Set<ValidationMessage> errors = schema.validate(json);

        assertThat(errors)
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("kind"))
                .anySatisfy(m -> assertThat(m).contains("asset"));
    }

    @Test
    void shouldReadTheSchemaExampleIntoThePayloadType() throws IOException {
        JsonNode example = schemaJson(EventTypes.INCIDENT_REPORTED).get("examples").get(0);
        assertThat(schema.validate(example)).isEmpty();

        IncidentReported event = MAPPER.treeToValue(example, IncidentReported.class);

        assertThat(event.asset().assetTag()).isEqualTo("LT-0042");
        assertThat(event.kind()).isEqualTo("stolen");
        assertThat(event.holder().email()).isEqualTo("ada@example.com");
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(event))).isEqualTo(example);
    }

    private static IncidentReported sample(String ownerName, IncidentReported.Party holder) {
        Instant occurred = Instant.parse("2026-11-27T08:15:00Z");
        return new IncidentReported(
                UUID.randomUUID(),
                "lost",
                occurred,
                occurred.plusSeconds(90),
                90,
                false,
                "Office, 3rd floor",
                null,
                null,
                "ada@example.com",
                new IncidentReported.Asset(
                        UUID.randomUUID(),
                        "LT-1",
                        "Laptop",
                        "laptop",
                        "confidential",
                        null,
                        "in_use"),
                new IncidentReported.Party(
                        "group", UUID.randomUUID(), ownerName, "team@example.com"),
                holder);
    }

    static JsonNode schemaJson(String type) throws IOException {
        try (InputStream in =
                IncidentReportedTest.class
                        .getClassLoader()
                        .getResourceAsStream(EventTypes.schemaResource(type))) {
            assertThat(in).as("schema of %s on the classpath", type).isNotNull();
            return MAPPER.readTree(in);
        }
    }

    private static JsonSchema schema(String type) {
        try {
            SchemaValidatorsConfig config =
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(schemaJson(type), config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
