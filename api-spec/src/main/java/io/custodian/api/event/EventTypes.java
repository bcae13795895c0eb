package io.custodian.api.event;

/**
 * The CloudEvent {@code type} of every event in {@code asyncapi.yaml}, and where its data schema
 * lies on the classpath of this jar.
 */
public final class EventTypes {

    /** Kafka topic (AsyncAPI channel {@code events}) that carries every Custodian event. */
    public static final String TOPIC = "custodian.events";

    /**
     * Kafka topic (AsyncAPI channel {@code deliveries}) on which notification-worker publishes what
     * it delivered ({@link #DELIVERED}).
     */
    public static final String DELIVERIES_TOPIC = "custodian.deliveries";

    /** A target accepted the alert of an event; data: {@link Delivered}. */
    public static final String DELIVERED = "notification.delivered";

    /** A device was reported lost or stolen; data: {@link IncidentReported}. */
    public static final String INCIDENT_REPORTED = "asset.incident.reported";

    /** An asset's periodic attestation is due; data: {@link VerificationDue}. */
    public static final String VERIFICATION_DUE = "asset.verification.due";

    /**
     * The register's holder or owner of an asset says they do not have it; data: {@link
     * DiscrepancyReported}.
     */
    public static final String DISCREPANCY_REPORTED = "asset.discrepancy.reported";

    /** Someone requested an exception to the policy; data: {@link ExceptionRequested}. */
    public static final String EXCEPTION_REQUESTED = "policy.exception.requested";

    /** Leadership approved or rejected an exception request; data: {@link ExceptionDecided}. */
    public static final String EXCEPTION_DECIDED = "policy.exception.decided";

    /** An approved exception ran past its last valid day; data: {@link ExceptionExpired}. */
    public static final String EXCEPTION_EXPIRED = "policy.exception.expired";

    /** Someone reported a violation of the policy; data: {@link ViolationReported}. */
    public static final String VIOLATION_REPORTED = "policy.violation.reported";

    /** Leadership acknowledged a violation report; data: {@link ViolationAcknowledged}. */
    public static final String VIOLATION_ACKNOWLEDGED = "policy.violation.acknowledged";

    /** Leadership closed a violation report with its outcome; data: {@link ViolationClosed}. */
    public static final String VIOLATION_CLOSED = "policy.violation.closed";

    /** An incident's first containment action was recorded; data: {@link IncidentContained}. */
    public static final String INCIDENT_CONTAINED = "asset.incident.contained";

    /** An incident was closed or its device recovered; data: {@link IncidentClosed}. */
    public static final String INCIDENT_CLOSED = "asset.incident.closed";

    /** The HR system started an off-boarding; data: {@link OffboardingStarted}. */
    public static final String OFFBOARDING_STARTED = "offboarding.started";

    /** A leaver's assets are not back in time; data: {@link OffboardingReturnOverdue}. */
    public static final String OFFBOARDING_RETURN_OVERDUE = "offboarding.return-overdue";

    /** Every item of an off-boarding is closed; data: {@link OffboardingCompleted}. */
    public static final String OFFBOARDING_COMPLETED = "offboarding.completed";

    /** HR re-hired a departed person; data: {@link PersonReactivated}. */
    public static final String PERSON_REACTIVATED = "person.reactivated";

    /**
     * A compliance control's daily snapshot fails where the one before passed; data: {@link
     * ControlFailing}.
     */
    public static final String CONTROL_FAILING = "compliance.control.failing";

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
