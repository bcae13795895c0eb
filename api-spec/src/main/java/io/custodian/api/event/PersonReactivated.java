package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Data of the CloudEvent {@code person.reactivated}, as specified by {@code
 * schemas/person.reactivated.json}: HR re-hired a departed person ({@code source} {@code sync} or
 * {@code scim}, {@code by} its principal). Keyed by the person id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonReactivated(
        OffboardingStarted.Person person,
        OffboardingStarted.Person manager,
        Instant reactivatedAt,
        String source,
        String by) {}
