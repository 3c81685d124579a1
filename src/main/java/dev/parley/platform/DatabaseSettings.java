package dev.parley.platform;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which database Parley uses. Read straight from MicroProfile Config rather than injected, because the data
 * source and the EclipseLink platform are created by the container before CDI can hand them anything.
 */
public record DatabaseSettings(String url, String user, String password, SqliteSync sqliteSync) {

    /**
     * What SQLite does at each commit ({@code parley.db.sqlite-synchronous}). {@code FULL} waits until the commit
     * is on the disk: an acked message survives a power cut. {@code NORMAL} only until the write-ahead log holds it:
     * it survives Parley's process being killed, not the machine losing power.
     */
    public enum SqliteSync { FULL, NORMAL }

    public static DatabaseSettings fromConfig() {
        Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
        String sync = value(config, ParleyConfig.DB_SQLITE_SYNCHRONOUS).orElse(SqliteSync.FULL.name());
        try {
            return new DatabaseSettings(
                    value(config, ParleyConfig.DB_URL).orElse(ParleyConfig.DEFAULT_DB_URL),
                    value(config, ParleyConfig.DB_USER).orElse(""),
                    value(config, ParleyConfig.DB_PASSWORD).orElse(""),
                    SqliteSync.valueOf(sync.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ParleyConfig.DB_SQLITE_SYNCHRONOUS + " must be FULL or NORMAL, not " + sync, e);
        }
    }

    private static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
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
