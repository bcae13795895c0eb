package io.custodian.asset.imports;

import io.custodian.asset.history.BulkHistory;
import io.custodian.asset.imports.ImportJobs.Job;
import io.custodian.asset.inventory.BulkRegister;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The rebuild of a migration-sized import: the register's (and its history's) indexes and foreign
 * keys dropped before the merge and built again from their own definitions after it, in the merge's
 * transaction, while it holds those tables. Plain DDL over what the catalogue says, so it follows
 * the tables as they are; the bulk writers own the rows, this owns nothing of them.
 */
@ApplicationScoped
class IndexRebuild {

    // every step logs as the runner: one category follows a job from start to end
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    /**
     * An index or constraint of the register or its history, with the statements that drop it and
     * build it again.
     */
    private record Part(String name, String drop, String create) {}

    /** What a migration drops and builds again, and the tables it holds meanwhile. */
    record Plan(List<String> tables, List<String> held, List<Part> parts) {
        static final Plan NONE = new Plan(List.of(), List.of(), List.of());

        boolean none() {
            return parts.isEmpty();
        }
    }

    private final ImportConfig config;
    private final BulkRegister register;
    private final BulkHistory history;

    IndexRebuild(ImportConfig config, BulkRegister register, BulkHistory history) {
        this.config = config;
        this.register = register;
        this.history = history;
    }

    /**
     * A large import into a small register (a migration) writes faster when the register's indexes
     * are built once afterwards than when each row is added to each of them, and when its foreign
     * keys are checked once, by one join, than row by row. Every index of {@code asset} but the
     * primary key (which other tables' foreign keys use) and its foreign keys are then dropped
     * before the merge and created again from their own definitions in the same transaction, so a
     * failure or a crash leaves them as they were, and a re-added foreign key or unique constraint
     * that the merged rows break fails the import whole. The history ({@code asset_aud}) is treated
     * the same way when the import at least doubles it too. The transaction holds these tables, and
     * the tables their foreign keys name, exclusively meanwhile, which is why this happens only
     * when the import at least doubles the register. None = row by row.
     */
    Plan plan(Connection connection, Job job, long valid) throws SQLException {
        if (job.dryRun()
                || valid < config.rebuildIndexesFrom()
                || register.size(connection) > valid) {
            return Plan.NONE;
        }
        List<String> tables = new ArrayList<>(List.of("asset"));
        if (history.size(connection) <= valid) {
            tables.add("asset_aud");
        }
        List<Part> parts = new ArrayList<>();
        Set<String> locked = new LinkedHashSet<>(tables);
        try (PreparedStatement statement =
                connection.prepareStatement(
                        // indexes, the unique and primary-key constraints they back, then foreign
                        // keys: all that belongs to the tables and to the importing user — except
                        // indexes a foreign key uses (asset's primary key) and those of other kinds
                        // of constraints
                        "select name, drop_sql, create_sql, referenced from (select format('%I.%I',"
                            + " n.nspname, c.relname) as name, case when k.oid is null then"
                            + " format('drop index %I.%I', n.nspname, c.relname) else format('alter"
                            + " table %s drop constraint %I', x.indrelid::regclass, k.conname) end"
                            + " as drop_sql, case when k.oid is null then pg_get_indexdef(c.oid)"
                            + " else format('alter table %s add constraint %I %s',"
                            + " x.indrelid::regclass, k.conname, pg_get_constraintdef(k.oid)) end"
                            + " as create_sql, null as referenced, 1 as step from pg_index x join"
                            + " pg_class c on c.oid = x.indexrelid join pg_namespace n on n.oid ="
                            + " c.relnamespace left join pg_constraint k on k.conindid ="
                            + " x.indexrelid and k.conrelid = x.indrelid and k.contype in ('u',"
                            + " 'p') where x.indrelid = any(?::regclass[]) and"
                            + " pg_has_role(current_user, c.relowner, 'USAGE') and not exists"
                            + " (select 1 from pg_constraint o where o.conindid = x.indexrelid and"
                            + " o.contype not in ('u', 'p')) union all select format('%s.%I',"
                            + " f.conrelid::regclass, f.conname), format('alter table %s drop"
                            + " constraint %I', f.conrelid::regclass, f.conname), format('alter"
                            + " table %s add constraint %I %s', f.conrelid::regclass, f.conname,"
                            + " pg_get_constraintdef(f.oid)), f.confrelid::regclass::text, 2 from"
                            + " pg_constraint f join pg_class t on t.oid = f.conrelid where"
                            + " f.contype = 'f' and f.conrelid = any(?::regclass[]) and"
                            + " pg_has_role(current_user, t.relowner, 'USAGE') and"
                            + " has_table_privilege(f.confrelid, 'REFERENCES')) r order by step,"
                            + " name")) {
            Array names = connection.createArrayOf("text", tables.toArray());
            statement.setArray(1, names);
            statement.setArray(2, names);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    parts.add(new Part(rs.getString(1), rs.getString(2), rs.getString(3)));
                    if (rs.getString(4) != null) {
                        locked.add(rs.getString(4));
                    }
                }
            }
        }
        return parts.isEmpty()
                ? Plan.NONE
                : new Plan(List.copyOf(tables), List.copyOf(locked), parts);
    }

    /**
     * Takes the register (and the other tables of the rebuild) and drops what the rebuild builds
     * again, waiting at most {@code custodian.imports.lock-wait} for their current users (a long
     * export, say, or a transaction that waits for the register in turn); if they do not finish in
     * time, nothing is dropped and the merge goes row by row, next to them.
     */
    boolean drop(Connection connection, Job job, Plan plan) throws SQLException {
        // SQL savepoints: the connection is enlisted in the transaction, whose end JDBC may not
        // touch
        try (Statement statement = connection.createStatement()) {
            statement.execute("savepoint register_lock");
            try {
                statement.execute(
                        "set local lock_timeout = " + Math.max(1, config.lockWait().toMillis()));
                for (String table : plan.held()) { // the register first, as everybody does
                    statement.execute("lock table " + table + " in access exclusive mode");
                }
                for (Part part : plan.parts()) {
                    statement.execute(part.drop());
                }
                statement.execute("set local lock_timeout to default");
                statement.execute("release savepoint register_lock");
                LOG.infof(
                        "import %s: holding %s until the commit; %d indexes and constraints"
                                + " dropped, to be built again after the merge",
                        job.id(), String.join(", ", plan.held()), plan.parts().size());
                return true;
            } catch (SQLException e) {
                // lock_not_available, deadlock_detected, insufficient_privilege (a table the
                // importing user may read and reference but not lock)
                if (!Set.of("55P03", "40P01", "42501").contains(e.getSQLState())) {
                    throw e;
                }
                statement.execute("rollback to savepoint register_lock");
                LOG.infof(
                        "import %s: could not take %s (%s); merging row by row instead of"
                                + " rebuilding indexes",
                        job.id(), String.join(", ", plan.held()), e.getMessage());
                return false;
            }
        }
    }

    /** Builds again what {@link #drop} dropped, after the merge, in its transaction. */
    void build(Connection connection, Job job, Plan plan) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement statement =
                connection.prepareStatement("select set_config('maintenance_work_mem', ?, true)")) {
            statement.setString(1, config.indexBuildMemory());
            statement.executeQuery().close();
        }
        for (Part part : plan.parts()) {
            Sql.update(connection, part.create());
        }
        LOG.infof(
                "import %s: %d indexes and constraints of %s rebuilt in %d ms",
                job.id(),
                plan.parts().size(),
                String.join(", ", plan.tables()),
                (System.nanoTime() - started) / 1_000_000);
    }
}
