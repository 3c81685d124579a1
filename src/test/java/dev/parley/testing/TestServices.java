package dev.parley.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real Redis and PostgreSQL the tests use, on 127.0.0.1 (.ci/run makes sure they are running). Each
 * PostgreSQL test gets a schema of its own, so runs never see each other's rows.
 */
public final class TestServices {

    public static final String REDIS_URL = System.getProperty("parley.test.redis", "redis://127.0.0.1:6379");
    public static final String POSTGRES_USER = "postgres";
    private static final String POSTGRES_DATABASE =
            System.getProperty("parley.test.postgres", "jdbc:postgresql://127.0.0.1:5432/parley_test");

    private TestServices() {
    }

    public static String postgresUrl(String schema) {
        return POSTGRES_DATABASE + "?currentSchema=" + schema;
    }

    /** Drops and recreates the schema: a fresh, empty database for one test class. */
    public static String freshPostgresSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_DATABASE, POSTGRES_USER, "");
                Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            sql.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 with database parley_test is needed", e);
        }
        return schema;
    }
}
