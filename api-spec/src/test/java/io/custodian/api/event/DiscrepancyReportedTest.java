package io.custodian.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DiscrepancyReportedTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void shouldMatchItsSchemaBothWays() throws Exception {
        JsonNode schemaJson = IncidentReportedTest.schemaJson(EventTypes.DISCREPANCY_REPORTED);
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                        .getSchema(
                                schemaJson,
                                SchemaValidatorsConfig.builder()
                                        .formatAssertionsEnabled(true)
                                        .build());
        DiscrepancyReported event =
                new DiscrepancyReported(
                        UUID.randomUUID(),
                        "LT-1",
                        "Laptop",
                        "laptop",
                        "internal",
                        "in_use",
                        Instant.parse("2026-11-18T09:00:00Z"),
                        "ada@example.com",
                        null,
                        new IncidentReported.Party("group", UUID.randomUUID(), "Platform", null),
                        null);

        assertThat(schema.validate(MAPPER.valueToTree(event))).isEmpty();

        JsonNode example = schemaJson.get("examples").get(0);
        assertThat(schema.validate(example)).isEmpty();
        DiscrepancyReported read = MAPPER.treeToValue(example, DiscrepancyReported.class);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(read))).isEqualTo(example);
    }
}
