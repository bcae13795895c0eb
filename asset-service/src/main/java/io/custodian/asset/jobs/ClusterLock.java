package io.custodian.asset.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Work that only one replica may do at a time, across every instance of the service: the outbox
 * relay's rounds and each scheduled job. It holds a PostgreSQL session advisory lock named {@code
 * (hashtext('custodian'), hashtext(name))} on a connection of its own while the work runs.
 *
 * <p>A replica that finds the lock taken waits for it (up to {@code wait}) and then does the work
 * itself: when the other replica finished, the work's own markers (an off-boarding's {@code
 * escalatedOn}, an asset's {@code verificationRemindedFor}, an exception's status, an outbox row's
 * {@code publishedAt}) leave it nothing to do, so each job runs once per period; when the other
 * replica died, PostgreSQL released its lock with its connection, and the waiting replica does what
 * was left. Nothing is stored but the lock, and no replica is "the leader" longer than one round.
 */
@ApplicationScoped
public class ClusterLock {

    private static final Logger LOG = Logger.getLogger(ClusterLock.class);

    /** PostgreSQL's {@code lock_not_available}: the wait ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DataSource dataSource;
    private final Duration jobWait;

    ClusterLock(
            DataSource dataSource,
            @ConfigProperty(name = "custodian.jobs.lock-wait", defaultValue = "PT30M")
                    Duration jobWait) {
        this.dataSource = dataSource;
        this.jobWait = jobWait;
    }

    /**
     * A scheduled job's run, named by its {@code @Scheduled} identity: alone across the replicas,
     * after the one running it finished (or died), waiting at most {@code
     * custodian.jobs.lock-wait}.
     */
    public void runJob(String identity, Runnable job) {
        if (!runAlone(identity, jobWait, job)) {
            LOG.warnf(
                    "%s did not run: another replica ran it for longer than %s", identity, jobWait);
        }
    }

    /**
     * A daily job that drains its work in batches ({@link Batches#drain}), run alone across the
     * replicas as {@link #runJob} runs it: the one shape of every scheduled job.
     */
    public void drainJob(String identity, IntSupplier batch, int size, Logger log, String done) {
        runJob(identity, () -> Batches.drain(batch, size, log, done));
    }

    /**
     * Runs {@code work} holding the lock {@code name}, after waiting at most {@code wait} for
     * another replica to release it.
     *
     * @return false when the wait ran out (the work did not run), or the database could not be
     *     reached
     */
    public boolean runAlone(String name, Duration wait, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!lock(connection, name, wait)) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                unlock(connection, name);
            }
        } catch (SQLException e) {
            LOG.warnf("%s: the lock could not be taken (%s); it runs at its next turn", name, e);
            return false;
        }
    }

    private static boolean lock(Connection connection, String name, Duration wait)
            throws SQLException {
        try (Statement timeout = connection.createStatement()) {
            timeout.execute("set lock_timeout = " + Math.max(1, wait.toMillis()));
        }
        try (PreparedStatement lock =
                connection.prepareStatement(
                        "select pg_advisory_lock(hashtext('custodian'), hashtext(?))")) {
            lock.setString(1, name);
            lock.execute();
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                LOG.debugf("%s: another replica held it for longer than %s", name, wait);
                return false;
            }
            throw e;
        } finally {
            try (Statement reset = connection.createStatement()) {
                reset.execute("reset lock_timeout");
            }
        }
    }

    private static void unlock(Connection connection, String name) throws SQLException {
        try (PreparedStatement unlock =
                connection.prepareStatement(
                        "select pg_advisory_unlock(hashtext('custodian'), hashtext(?))")) {
            unlock.setString(1, name);
            unlock.execute();
        }
    }
}
