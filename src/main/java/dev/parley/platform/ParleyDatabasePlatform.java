package dev.parley.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.queries.ValueReadQuery;

/**
 * The EclipseLink platform for both databases Parley runs on. EclipseLink has no SQLite platform, and the SQL
 * Parley's entities need (plain selects, inserts, updates, LIMIT/OFFSET) is the same in both; what differs is
 * how the id of a row just inserted is read back.
 *
 * <p>Which database it is comes from the first connection, not from configuration: EclipseLink builds its
 * platform while the persistence unit is pre-deployed, and on GlassFish MicroProfile Config cannot answer yet.
 */
public class ParleyDatabasePlatform extends PostgreSQLPlatform {

    private volatile boolean sqlite;

    @Override
    public void initializeConnectionData(Connection connection) throws SQLException {
        super.initializeConnectionData(connection);
        sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite");
    }

    @Override
    public ValueReadQuery buildSelectQueryForIdentity() {
        return new ValueReadQuery(sqlite ? "SELECT last_insert_rowid()" : "SELECT lastval()");
    }
}
