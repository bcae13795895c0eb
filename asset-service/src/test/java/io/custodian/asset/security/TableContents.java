package io.custodian.asset.security;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The row count and a digest of the contents of every table of the service's schema (history {@code
 * *_aud}, {@code revinfo} and the outbox included), in one statement: a refused call must leave all
 * of them unchanged, an update that slipped through included (on a table without history or outbox
 * rows a count alone would not show it). The outbox's relay bookkeeping ({@code published_at},
 * {@code attempts}, {@code last_error}) changes by itself and is left out.
 */
final class TableContents {

    private final AgroalDataSource dataSource;
    private String query;

    TableContents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    Map<String, String> snapshot() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            if (query == null) {
                query = countQuery(statement);
            }
            Map<String, String> contents = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    contents.put(
                            rows.getString(1), rows.getLong(2) + " rows, " + rows.getString(3));
                }
            }
            return contents;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String countQuery(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows =
                statement.executeQuery(
                        "select table_name from information_schema.tables where table_schema ="
                                + " current_schema() and table_type = 'BASE TABLE' and table_name"
                                + " <> 'flyway_schema_history' order by table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        if (tables.size() < 20
                || !tables.contains("asset_aud")
                || !tables.contains("outbox_event")) {
            throw new IllegalStateException("Unexpected schema: " + tables);
        }
        return String.join(
                " union all ",
                tables.stream()
                        .map(
                                t ->
                                        "select '"
                                                + t
                                                + "', count(*), coalesce(sum(hashtextextended(("
                                                + (t.equals("outbox_event")
                                                        ? "to_jsonb(x) - 'published_at' -"
                                                                + " 'attempts' - 'last_error'"
                                                        : "to_jsonb(x)")
                                                + ")::text, 0)::numeric), 0)::text from \""
                                                + t
                                                + "\" x")
                        .toList());
    }
}
