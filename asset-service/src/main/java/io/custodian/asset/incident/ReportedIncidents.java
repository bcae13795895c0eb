package io.custodian.asset.incident;

import io.custodian.asset.security.Caller;
import io.custodian.asset.web.LowerCaseEnums;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The loss and theft reports the caller made, in a few words each, for the console's "My reports
 * and requests" beside their exception requests and violation reports. Read with the roles of
 * {@code GET /api/v1/incidents}, which shows an employee exactly these.
 */
@ApplicationScoped
public class ReportedIncidents {

    /** One report: its page's id, what it is about, its status, when it was made. */
    public record Line(UUID id, String what, String status, Instant reportedAt) {}

    private final IncidentSearch search;

    ReportedIncidents(IncidentSearch search) {
        this.search = search;
    }

    /** The newest {@code max} reports of the caller, newest first. */
    public List<Line> newestOf(Caller caller, int max) {
        return search.newestReportedBy(caller.email(), max).stream()
                .map(
                        i ->
                                new Line(
                                        i.id(),
                                        (i.asset() != null
                                                        ? i.asset().assetTag()
                                                                + " "
                                                                + i.asset().name()
                                                        : "Personal "
                                                                + LowerCaseEnums.of(
                                                                        i.device().type()))
                                                + ": "
                                                + LowerCaseEnums.of(i.kind()),
                                        LowerCaseEnums.of(i.status()),
                                        i.reportedAt()))
                .toList();
    }
}
