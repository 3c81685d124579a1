package dev.parley.file;

import dev.parley.platform.DatabaseSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where files go and how large they may be: {@code parley.files.store} ({@code directory} or {@code database};
 * by default a directory with SQLite, the database with PostgreSQL, whose nodes may share no disk),
 * {@code parley.files.dir} (by default {@code files} beside the SQLite file) and {@code parley.files.max-size-mb}
 * (25).
 */
@ApplicationScoped
public class FileSettings {

    @Inject
    @ConfigProperty(name = "parley.files.store")
    Optional<String> store;

    @Inject
    @ConfigProperty(name = "parley.files.dir")
    Optional<String> directory;

    @Inject
    @ConfigProperty(name = "parley.files.max-size-mb", defaultValue = "25")
    int maxSizeMegabytes;

    public long maxBytes() {
        if (maxSizeMegabytes < 1) {
            throw new IllegalStateException("parley.files.max-size-mb must be at least 1, not " + maxSizeMegabytes);
        }
        return maxSizeMegabytes * 1024L * 1024L;
    }

    boolean inDatabase() {
        String chosen = store.filter(s -> !s.isBlank()).orElse(DatabaseSettings.fromConfig().isSqlite() ? "directory" : "database");
        return switch (chosen.strip()) {
            case "directory" -> false;
            case "database" -> true;
            default -> throw new IllegalStateException("parley.files.store is directory or database, not " + chosen);
        };
    }

    /** The directory set, else "files" beside the SQLite file (or under ./data with another database). */
    Path directory() {
        return directory.filter(d -> !d.isBlank()).map(Path::of).orElseGet(FileSettings::besideTheDatabase);
    }

    private static Path besideTheDatabase() {
        DatabaseSettings database = DatabaseSettings.fromConfig();
        if (database.isSqlite()) {
            String location = database.url().substring("jdbc:sqlite:".length()).split("\\?", 2)[0];
            location = location.startsWith("file:") ? location.substring("file:".length()) : location;
            Path parent = location.isEmpty() || location.contains(":memory:") ? null : Path.of(location).getParent();
            if (parent != null) {
                return parent.resolve("files");
            }
        }
        return Path.of("data", "files");
    }
}
