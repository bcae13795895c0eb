package io.custodian.api.event;

/**
 * The CloudEvent {@code type} of every event in {@code asyncapi.yaml}, and where its data schema
 * lies on the classpath of this jar.
 */
public final class EventTypes {

    /** Kafka topic (AsyncAPI channel {@code events}) that carries every Custodian event. */
    public static final String TOPIC = "custodian.events";

    /** A device was reported lost or stolen; data: {@link IncidentReported}. */
    public static final String INCIDENT_REPORTED = "asset.incident.reported";

    /** An asset's periodic attestation is due; data: {@link VerificationDue}. */
    public static final String VERIFICATION_DUE = "asset.verification.due";

    /** The HR system started an off-boarding; data: {@link OffboardingStarted}. */
    public static final String OFFBOARDING_STARTED = "offboarding.started";

    /** A leaver's assets are not back in time; data: {@link OffboardingReturnOverdue}. */
    public static final String OFFBOARDING_RETURN_OVERDUE = "offboarding.return-overdue";

    /** Every item of an off-boarding is closed; data: {@link OffboardingCompleted}. */
    public static final String OFFBOARDING_COMPLETED = "offboarding.completed";

    private EventTypes() {}

    /** Classpath location of the JSON Schema of the given event type's data. */
    public static String schemaResource(String type) {
        return "custodian/api/schemas/" + type + ".json";
    }

    /** The {@code dataschema} attribute: the schema's {@code $id}. */
    public static String dataSchemaUri(String type) {
        return "https://custodian.local/schemas/" + type + ".json";
    }
}
