package io.custodian.asset.custody;

import io.custodian.asset.ownership.Person;
import io.custodian.asset.security.Caller;
import io.custodian.asset.web.FreeText;
import io.custodian.asset.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Versioned acceptable-use rules. Publishing a version makes it current, and from then on nobody
 * gets an asset until they have acknowledged that version.
 */
@ApplicationScoped
class AcceptableUse {

    private final Clock clock;

    AcceptableUse(Clock clock) {
        this.clock = clock;
    }

    record NewVersion(
            @NotBlank @Size(max = 32) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$")
                    String version,
            @NotBlank @Size(max = 200) String title,
            @FreeText @Size(max = 100_000) String text,
            @Size(max = 2000) @Pattern(regexp = "^https?://.+") String url) {}

    @Transactional
    AcceptableUseVersion publish(@NotNull @Valid NewVersion request, Caller caller) {
        if ((request.text() == null || request.text().isBlank()) && request.url() == null) {
            throw ProblemException.invalid("text", "give the rules as text or as a url");
        }
        if (AcceptableUseVersion.count("version", request.version()) > 0) {
            throw ProblemException.conflict(
                    "Version " + request.version() + " was already published.",
                    "version",
                    "already exists");
        }
        AcceptableUseVersion version = new AcceptableUseVersion();
        version.id = UUID.randomUUID();
        version.version = request.version();
        version.title = request.title().trim();
        version.body = request.text();
        version.url = request.url();
        version.publishedAt = Instant.now(clock);
        version.publishedBy = caller.email();
        version.persistAndFlush();
        return version;
    }

    AcceptableUseVersion current() {
        return AcceptableUseVersion.current()
                .orElseThrow(
                        () ->
                                ProblemException.notFound(
                                        "published acceptable-use rules", "(none yet)"));
    }

    AcceptableUseVersion version(String version) {
        return AcceptableUseVersion.<AcceptableUseVersion>find("version", version)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("acceptable-use version", version));
    }

    /** The caller's acknowledgement of the current version, if they gave one. */
    Optional<Acknowledgement> acknowledgementOf(Caller caller, AcceptableUseVersion version) {
        return Person.findByEmail(caller.email()).flatMap(p -> Acknowledgement.of(p, version));
    }

    /** The signed-in person acknowledges the current version; again is harmless. */
    @Transactional
    Acknowledged acknowledge(Caller caller) {
        AcceptableUseVersion current = current();
        Person person =
                Person.findByEmail(caller.email())
                        .orElseThrow(
                                () ->
                                        ProblemException.forbidden(
                                                "Only people in the register acknowledge the"
                                                        + " acceptable-use rules; "
                                                        + caller.email()
                                                        + " is not one."));
        Optional<Acknowledgement> existing = Acknowledgement.of(person, current);
        if (existing.isPresent()) {
            return new Acknowledged(existing.get(), false);
        }
        Acknowledgement ack = new Acknowledgement();
        ack.id = UUID.randomUUID();
        ack.person = person;
        ack.version = current;
        ack.acknowledgedAt = Instant.now(clock);
        ack.persist();
        return new Acknowledged(ack, true);
    }

    record Acknowledged(Acknowledgement acknowledgement, boolean isNew) {}
}
