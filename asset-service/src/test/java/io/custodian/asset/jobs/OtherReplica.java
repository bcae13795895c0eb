package io.custodian.asset.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Another instance of the service, as the database sees it: a session of its own holding one of
 * {@link ClusterLock}'s locks. {@link #dies()} drops the session without unlocking, as a killed
 * replica's connection does.
 */
public final class OtherReplica implements AutoCloseable {

    private final Connection session;

    private OtherReplica(Connection session) {
        this.session = session;
    }

    /** A replica that is running the work named {@code name} right now. */
    public static OtherReplica running(String name) {
        Config config = ConfigProvider.getConfig();
        try {
            // a connection of its own, not the pool's: its end is the end of the session
            Connection session =
                    DriverManager.getConnection(
                            config.getValue("quarkus.datasource.jdbc.url", String.class),
                            config.getValue("quarkus.datasource.username", String.class),
                            config.getValue("quarkus.datasource.password", String.class));
            try (PreparedStatement lock =
                    session.prepareStatement(
                            "select pg_advisory_lock(hashtext('custodian'), hashtext(?))")) {
                lock.setString(1, name);
                lock.execute();
            }
            return new OtherReplica(session);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The replica is killed: its connection ends without an unlock, and PostgreSQL releases what
     * its session held.
     */
    public void dies() {
        close();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (SQLException ignored) {
            // already ended
        }
    }
}
