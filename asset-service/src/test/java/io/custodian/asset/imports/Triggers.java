package io.custodian.asset.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Test-only PostgreSQL row triggers, to put a write at a chosen point of its transaction: one that
 * fails the statement, or a gate that holds the writing transaction open (its row written, not yet
 * committed) until the test opens it. A gate is an advisory lock this object holds on its own
 * connection; the trigger waits for it. Everything is dropped again on {@link #close}.
 */
final class Triggers implements AutoCloseable {

    /** An advisory lock held here; writes that reach a trigger on it wait until it is opened. */
    record Gate(long key) {}

    private final Connection connection;
    private final List<String> drops = new ArrayList<>();
    private final List<Gate> closed = new ArrayList<>();

    Triggers(DataSource dataSource) throws SQLException {
        this.connection = dataSource.getConnection();
        connection.setAutoCommit(true);
    }

    /** A gate, closed: triggers on it hold their writers until {@link #open}. */
    Gate gate() throws SQLException {
        Gate gate = new Gate(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
        execute("select pg_advisory_lock(" + gate.key() + ")");
        closed.add(gate);
        return gate;
    }

    void open(Gate gate) throws SQLException {
        if (closed.remove(gate)) {
            execute("select pg_advisory_unlock(" + gate.key() + ")");
        }
    }

    /**
     * After each row of {@code table} written by {@code event} ({@code insert}, {@code update})
     * that matches {@code when} (SQL on {@code new}), the writer waits at the gate, its row written
     * and its transaction open.
     */
    void holdAt(Gate gate, String table, String event, String when) throws SQLException {
        install(
                table,
                event,
                when,
                "perform pg_advisory_lock_shared("
                        + gate.key()
                        + "); perform pg_advisory_unlock_shared("
                        + gate.key()
                        + ");");
    }

    /** Each row of {@code table} written by {@code event} that matches {@code when} fails. */
    void fail(String table, String event, String when, String message) throws SQLException {
        install(
                table,
                event,
                when,
                "raise exception '%', " + quote(message) + " using errcode = 'P0001';");
    }

    /** Drops the triggers of this object now (writes after this are not touched). */
    void drop() throws SQLException {
        for (int i = drops.size() - 1; i >= 0; i--) {
            execute(drops.get(i));
        }
        drops.clear();
    }

    /** Backends of this database waiting at a gate. */
    long waitingAtGates() throws SQLException {
        return waiting("wait_event = 'advisory'");
    }

    /** Backends of this database waiting for a lock, at a gate or not. */
    long waiting() throws SQLException {
        return waiting("true");
    }

    /** Backends of this database waiting for a lock other than a gate: a row, a transaction. */
    long waitingForRows() throws SQLException {
        return waiting("wait_event <> 'advisory'");
    }

    private long waiting(String condition) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery(
                                "select count(*) from pg_stat_activity where datname ="
                                        + " current_database() and wait_event_type = 'Lock' and "
                                        + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void install(String table, String event, String when, String body) throws SQLException {
        String name = "test_trigger_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        execute(
                "create function "
                        + name
                        + "() returns trigger language plpgsql as $$ begin "
                        + body
                        + " return null; end $$");
        drops.add("drop function " + name + "()");
        execute(
                "create trigger "
                        + name
                        + " after "
                        + event
                        + " on "
                        + table
                        + " for each row when ("
                        + when
                        + ") execute function "
                        + name
                        + "()");
        drops.add("drop trigger " + name + " on " + table);
    }

    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            for (Gate gate : List.copyOf(closed)) {
                open(gate);
            }
            drop();
        } finally {
            connection.close();
        }
    }
}
