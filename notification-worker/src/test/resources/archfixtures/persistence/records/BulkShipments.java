package io.custodian.notification.archfixtures.records;

/** The records feature's bulk writer, shared with the reports feature only. */
public class BulkShipments {

    /** A type the bulk writer declares: as much its persistence as the writer. */
    public record Batch(int size) {}

    public void write(Batch batch) {}
}
