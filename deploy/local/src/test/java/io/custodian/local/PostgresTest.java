package io.custodian.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTest {

    private static Postgres postgres;

    @BeforeAll
    static void start() {
        postgres = Postgres.start(0, null);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void shouldCreateTheDatabaseIdempotentlyAndLetItsOwnerWorkInIt() throws SQLException {
        postgres.createDatabase("custodian_test", "custodian_user", "s3cret'pw");
        postgres.createDatabase("custodian_test", "custodian_user", "s3cret'pw");

        assertThat(postgres.jdbcUrl("custodian_test"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/custodian_test");
        try (Connection c =
                        DriverManager.getConnection(
                                postgres.jdbcUrl("custodian_test"), "custodian_user", "s3cret'pw");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE asset (id bigint PRIMARY KEY, tag text NOT NULL)");
            s.execute("INSERT INTO asset VALUES (1, 'LAPTOP-1')");
            try (ResultSet rs =
                    s.executeQuery(
                            "SELECT current_user, version(), (SELECT tag FROM asset),"
                                    + " pg_catalog.pg_get_userbyid(d.datdba)"
                                    + " FROM pg_database d WHERE d.datname = current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("custodian_user");
                assertThat(rs.getString(2)).startsWith("PostgreSQL 15.");
                assertThat(rs.getString(3)).isEqualTo("LAPTOP-1");
                assertThat(rs.getString(4)).isEqualTo("custodian_user");
            }
        }
    }

    @Test
    void shouldRejectAWrongPassword() {
        postgres.createDatabase("custodian_pw", "custodian_pw", "right");

        assertThatThrownBy(
                        () ->
                                DriverManager.getConnection(
                                                postgres.jdbcUrl("custodian_pw"),
                                                "custodian_pw",
                                                "wrong")
                                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void shouldKeepAGivenDataDirectoryBetweenRuns(@TempDir Path tmp) throws SQLException {
        Path dataDir = tmp.resolve("pg");
        try (Postgres first = Postgres.start(0, dataDir)) {
            first.createDatabase("kept", "keeper", "keeper");
            try (Connection c =
                            DriverManager.getConnection(first.jdbcUrl("kept"), "keeper", "keeper");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE survivor (name text)");
                s.execute("INSERT INTO survivor VALUES ('still here')");
            }
        }
        try (Postgres second = Postgres.start(0, dataDir);
                Connection c =
                        DriverManager.getConnection(second.jdbcUrl("kept"), "keeper", "keeper");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }
}
