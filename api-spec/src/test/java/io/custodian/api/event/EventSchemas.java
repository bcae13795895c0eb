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

/** An event's record against its JSON Schema, both ways. */
final class EventSchemas {

    static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventSchemas() {}

    /**
     * The event, as the producer writes it, is valid against its type's schema; the schema's first
     * example is valid too, reads into the record and is written back unchanged.
     */
    static <T> void assertMatchesBothWays(String type, T event, Class<T> record) throws Exception {
        JsonNode schemaJson = IncidentReportedTest.schemaJson(type);
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                        .getSchema(
                                schemaJson,
                                SchemaValidatorsConfig.builder()
                                        .formatAssertionsEnabled(true)
                                        .build());
        assertThat(schema.validate(MAPPER.valueToTree(event))).isEmpty();

        JsonNode example = schemaJson.get("examples").get(0);
        assertThat(schema.validate(example)).isEmpty();
        T read = MAPPER.treeToValue(example, record);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(read))).isEqualTo(example);
    }
}
