package dev.parley.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Declares Parley's connection pool and brings the schema up to date before anything else runs. The schema
 * changes only through the numbered Flyway scripts under {@code db/migration/<dialect>}, so an upgrade keeps
 * every message; nothing here ever drops and recreates tables.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "dev.parley.platform.ParleyDataSource",
        minPoolSize = 2,
        maxPoolSize = 16)
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/parley";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    /** Whether the database answers now, within a couple of seconds (for the readiness check). */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException unreachable) {
            return false;
        }
    }

    @PostConstruct
    void migrate() {
        DatabaseSettings settings = DatabaseSettings.fromConfig();
        MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(settings.migrationLocation())
                .load()
                .migrate();
        LOG.info(() -> "Database " + settings.url() + " at schema version "
                + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion)
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
