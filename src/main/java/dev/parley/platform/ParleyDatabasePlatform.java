package dev.parley.platform;

import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.queries.ValueReadQuery;

/**
 * The EclipseLink platform for both databases Parley runs on. EclipseLink has no SQLite platform, and the SQL
 * Parley's entities need (plain selects, inserts, updates, LIMIT/OFFSET) is the same in both; what differs is
 * how the id of a row just inserted is read back.
 */
public class ParleyDatabasePlatform extends PostgreSQLPlatform {

    private final boolean sqlite = DatabaseSettings.fromConfig().isSqlite();

    @Override
    public ValueReadQuery buildSelectQueryForIdentity() {
        return new ValueReadQuery(sqlite ? "SELECT last_insert_rowid()" : "SELECT lastval()");
    }
}
