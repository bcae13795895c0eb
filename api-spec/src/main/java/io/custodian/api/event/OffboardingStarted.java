package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of the CloudEvent {@code offboarding.started}, as specified by {@code
 * schemas/offboarding.started.json}: the HR system started the off-boarding of a leaver; the
 * person, their manager and IT learn what must come back. Keyed by the off-boarding id. Its {@link
 * Person} and {@link Item} are shared by the other off-boarding events.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OffboardingStarted(
        UUID offboardingId,
        Person person,
        Person manager,
        LocalDate lastWorkingDay,
        String source,
        String reference,
        Instant startedAt,
        List<Item> items) {

    /**
     * The leaver or their manager; {@code subject} is the identity provider's, when HR or SCIM
     * recorded it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(UUID id, String employeeId, String name, String email, String subject) {

        /** A person without a recorded subject. */
        public Person(UUID id, String employeeId, String name, String email) {
            this(id, employeeId, name, email, null);
        }
    }

    /**
     * One asset of the off-boarding: {@code kind} {@code return} (held) or {@code
     * ownership_transfer} (owned); {@code status} {@code pending}, {@code returned}, {@code lost},
     * {@code transferred} or {@code waived}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String kind,
            String status,
            UUID assetId,
            String assetTag,
            String name,
            String category) {}
}
