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
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The incident lifecycle payloads (personal-device reports, contained, closed) against their
 * schemas, both ways.
 */
class IncidentLifecycleEventsTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Instant AT = Instant.parse("2026-11-27T08:15:00Z");
    private static final IncidentReported.Device PHONE =
            new IncidentReported.Device("phone", "Personal Pixel 8 with company mail");
    private static final IncidentReported.Asset LAPTOP =
            new IncidentReported.Asset(
                    UUID.randomUUID(), "LT-1", "Laptop", "laptop", "confidential", null, "in_use");
    private static final IncidentReported.Party TEAM =
            new IncidentReported.Party("group", UUID.randomUUID(), "Platform", "team@example.com");
    private static final List<IncidentContained.Action> ACTIONS =
            List.of(
                    new IncidentContained.Action(
                            "remote-wipe-requested", "Queued in MDM", "it@example.com", AT));

    @Test
    void shouldAcceptAPersonalDeviceReportWithoutAssetOrOwner() {
        var event =
                new IncidentReported(
                        UUID.randomUUID(),
                        "lost",
                        AT,
                        AT.plusSeconds(60),
                        60,
                        false,
                        "Taxi",
                        null,
                        null,
                        "grace@example.com",
                        null,
                        null,
                        null,
                        PHONE);

        JsonNode json = MAPPER.valueToTree(event);

        assertThat(json.has("asset")).isFalse();
        assertThat(json.at("/device/type").asText()).isEqualTo("phone");
        assertThat(validate(EventTypes.INCIDENT_REPORTED, json)).isEmpty();
    }

    @Test
    void shouldRejectAReportWithBothOrNeitherOfAssetAndDevice() {
        ObjectNode both = MAPPER.valueToTree(reported(LAPTOP, TEAM, PHONE));
        ObjectNode neither = MAPPER.valueToTree(reported(null, null, null));

        assertThat(validate(EventTypes.INCIDENT_REPORTED, both)).isNotEmpty();
        assertThat(validate(EventTypes.INCIDENT_REPORTED, neither)).isNotEmpty();
        assertThat(
                        validate(
                                EventTypes.INCIDENT_REPORTED,
                                MAPPER.valueToTree(reported(LAPTOP, null, null))))
                .as("an asset needs its owner")
                .isNotEmpty();
    }

    @Test
    void shouldSerializeContainedEventsForAssetsAndDevicesThatTheSchemaAccepts() {
        var asset = contained(LAPTOP, null, TEAM);
        var device = contained(null, PHONE, null);

        assertThat(validate(EventTypes.INCIDENT_CONTAINED, MAPPER.valueToTree(asset))).isEmpty();
        assertThat(validate(EventTypes.INCIDENT_CONTAINED, MAPPER.valueToTree(device))).isEmpty();
        ObjectNode wrong = MAPPER.valueToTree(asset);
        ((ObjectNode) wrong.get("actions").get(0)).put("action", "prayed");
        assertThat(validate(EventTypes.INCIDENT_CONTAINED, wrong))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("action"));
    }

    @Test
    void shouldSerializeClosedEventsWithTheirOutcome() {
        var recovered =
                new IncidentClosed(
                        UUID.randomUUID(),
                        "stolen",
                        "recovered",
                        AT,
                        AT.plusSeconds(60),
                        false,
                        null,
                        "ada@example.com",
                        LAPTOP,
                        "in_stock",
                        null,
                        TEAM,
                        null,
                        AT.plusSeconds(120),
                        AT.plusSeconds(3600),
                        "ceo@example.com",
                        "Found",
                        ACTIONS);
        ObjectNode json = MAPPER.valueToTree(recovered);
        assertThat(validate(EventTypes.INCIDENT_CLOSED, json)).isEmpty();

        json.put("outcome", "forgotten");
        assertThat(validate(EventTypes.INCIDENT_CLOSED, json))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("outcome"));
    }

    @Test
    void shouldReadEverySchemaExampleIntoItsPayloadType() throws IOException {
        for (JsonNode example :
                IncidentReportedTest.schemaJson(EventTypes.INCIDENT_REPORTED).get("examples")) {
            assertThat(validate(EventTypes.INCIDENT_REPORTED, example)).isEmpty();
            assertThat(roundTrip(example, IncidentReported.class)).isEqualTo(example);
        }
        JsonNode contained =
                IncidentReportedTest.schemaJson(EventTypes.INCIDENT_CONTAINED)
                        .get("examples")
                        .get(0);
        assertThat(validate(EventTypes.INCIDENT_CONTAINED, contained)).isEmpty();
        assertThat(roundTrip(contained, IncidentContained.class)).isEqualTo(contained);
        JsonNode closed =
                IncidentReportedTest.schemaJson(EventTypes.INCIDENT_CLOSED).get("examples").get(0);
        assertThat(validate(EventTypes.INCIDENT_CLOSED, closed)).isEmpty();
        assertThat(roundTrip(closed, IncidentClosed.class)).isEqualTo(closed);
        assertThat(MAPPER.treeToValue(closed, IncidentClosed.class).outcome())
                .isEqualTo("recovered");
    }

    private static IncidentReported reported(
            IncidentReported.Asset asset,
            IncidentReported.Party owner,
            IncidentReported.Device device) {
        return new IncidentReported(
                UUID.randomUUID(),
                "lost",
                AT,
                AT,
                0,
                false,
                null,
                null,
                null,
                "ada@example.com",
                asset,
                owner,
                null,
                device);
    }

    private static IncidentContained contained(
            IncidentReported.Asset asset,
            IncidentReported.Device device,
            IncidentReported.Party owner) {
        return new IncidentContained(
                UUID.randomUUID(),
                "stolen",
                "contained",
                AT,
                AT.plusSeconds(60),
                false,
                "Train",
                "ada@example.com",
                asset,
                device,
                owner,
                null,
                AT.plusSeconds(120),
                "it@example.com",
                ACTIONS);
    }

    private static <T> JsonNode roundTrip(JsonNode json, Class<T> type) throws IOException {
        return MAPPER.readTree(MAPPER.writeValueAsString(MAPPER.treeToValue(json, type)));
    }

    private static Set<ValidationMessage> validate(String type, JsonNode json) {
        try {
            SchemaValidatorsConfig config =
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema schema =
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                            .getSchema(IncidentReportedTest.schemaJson(type), config);
            return schema.validate(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
