package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code offboarding.completed}, as specified by {@code
 * schemas/offboarding.completed.json}: every item is closed and the person has departed; the items
 * carry how each was closed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OffboardingCompleted(
        UUID offboardingId,
        OffboardingStarted.Person person,
        OffboardingStarted.Person manager,
        LocalDate lastWorkingDay,
        Instant completedAt,
        List<OffboardingStarted.Item> items) {}
