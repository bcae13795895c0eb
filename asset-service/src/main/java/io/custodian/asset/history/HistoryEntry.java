package io.custodian.asset.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** One revision of an object as the API shows it: who changed what, when. */
public record HistoryEntry(
        long revision, Instant at, String actor, Action action, List<Change> changes) {

    public enum Action {
        CREATED,
        UPDATED,
        DELETED;
    }

    /** One field's old and new value, as the API spells it (null when absent). */
    public record Change(String field, Object from, Object to) {}

    /** A page of history, oldest first; {@code next} while more revisions follow. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(List<HistoryEntry> items, String next) {}
}
