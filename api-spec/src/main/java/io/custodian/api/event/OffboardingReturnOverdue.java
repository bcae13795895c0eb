package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code offboarding.return-overdue}, as specified by {@code
 * schemas/offboarding.return-overdue.json}: assets are still not back after the last working day
 * plus the grace period. Sent at most once per day per off-boarding; leadership is told.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OffboardingReturnOverdue(
        UUID offboardingId,
        OffboardingStarted.Person person,
        OffboardingStarted.Person manager,
        LocalDate lastWorkingDay,
        LocalDate escalatedOn,
        long daysOverdue,
        List<OffboardingStarted.Item> pendingReturns) {}
