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

class VerificationDueTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void shouldMatchItsSchemaBothWays() throws Exception {
        JsonNode schemaJson = IncidentReportedTest.schemaJson(EventTypes.VERIFICATION_DUE);
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                        .getSchema(
                                schemaJson,
                                SchemaValidatorsConfig.builder()
                                        .formatAssertionsEnabled(true)
                                        .build());
        VerificationDue event =
                new VerificationDue(
                        UUID.randomUUID(),
                        "LT-1",
                        "Laptop",
                        "laptop",
                        "internal",
                        null,
                        Instant.parse("2026-11-18T09:00:00Z"),
                        true,
                        new IncidentReported.Party("group", UUID.randomUUID(), "Platform", null),
                        null);

        assertThat(schema.validate(MAPPER.valueToTree(event))).isEmpty();

        JsonNode example = schemaJson.get("examples").get(0);
        assertThat(schema.validate(example)).isEmpty();
        VerificationDue read = MAPPER.treeToValue(example, VerificationDue.class);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(read))).isEqualTo(example);
    }
}
