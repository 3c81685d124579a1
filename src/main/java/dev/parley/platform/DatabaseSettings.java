package dev.parley.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which database Parley uses. Read straight from MicroProfile Config rather than injected, because the data
 * source and the EclipseLink platform are created by the container before CDI can hand them anything.
 */
public record DatabaseSettings(String url, String user, String password, SqliteSync sqliteSync) {

    private static final Logger LOG = Logger.getLogger(DatabaseSettings.class.getName());

    /**
     * What SQLite does at each commit ({@code parley.db.sqlite-synchronous}). {@code FULL} waits until the commit
     * is on the disk: an acked message survives a power cut. {@code NORMAL} only until the write-ahead log holds it:
     * it survives Parley's process being killed, not the machine losing power.
     */
    public enum SqliteSync { FULL, NORMAL }

    public static DatabaseSettings fromConfig() {
        Function<String, Optional<String>> config = source();
        String sync = config.apply(ParleyConfig.DB_SQLITE_SYNCHRONOUS).orElse(SqliteSync.FULL.name());
        try {
            return new DatabaseSettings(
                    config.apply(ParleyConfig.DB_URL).orElse(ParleyConfig.DEFAULT_DB_URL),
                    config.apply(ParleyConfig.DB_USER).orElse(""),
                    config.apply(ParleyConfig.DB_PASSWORD).orElse(""),
                    SqliteSync.valueOf(sync.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ParleyConfig.DB_SQLITE_SYNCHRONOUS + " must be FULL or NORMAL, not " + sync, e);
        }
    }

    /**
     * MicroProfile Config where it can answer. GlassFish opens the first connection while it deploys the persistence
     * unit, before its MicroProfile Config serves the application: then the two sources every MicroProfile Config
     * reads first, system properties and environment variables, are read the same way here (a
     * microprofile-config.properties inside the WAR is not seen at that moment).
     */
    private static Function<String, Optional<String>> source() {
        try {
            Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
            return key -> config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
        } catch (IllegalStateException | LinkageError notYet) {
            LOG.info("MicroProfile Config cannot answer yet (" + notYet.getMessage() + "): the database settings come"
                    + " from system properties and environment variables");
            return DatabaseSettings::fromSystem;
        }
    }

    /** {@code parley.db.url} as a system property, else as the environment variable {@code PARLEY_DB_URL}. */
    static Optional<String> fromSystem(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(environmentName(key));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** MicroProfile Config's name for a key in the environment: {@code parley.db.url} is {@code PARLEY_DB_URL}. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The folder of Flyway scripts written in this database's dialect. */
    public String migrationLocation() {
        return "classpath:db/migration/" + (isSqlite() ? "sqlite" : "postgresql");
    }
}
