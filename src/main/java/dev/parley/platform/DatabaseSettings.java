package dev.parley.platform;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which database Parley uses. Read straight from MicroProfile Config rather than injected, because the data
 * source and the EclipseLink platform are created by the container before CDI can hand them anything.
 */
public record DatabaseSettings(String url, String user, String password) {

    public static DatabaseSettings fromConfig() {
        Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
        return new DatabaseSettings(
                value(config, ParleyConfig.DB_URL).orElse(ParleyConfig.DEFAULT_DB_URL),
                value(config, ParleyConfig.DB_USER).orElse(""),
                value(config, ParleyConfig.DB_PASSWORD).orElse(""));
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
