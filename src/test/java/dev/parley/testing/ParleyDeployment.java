package dev.parley.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build made ({@code target/parley.war}), deployed as it is, plus a MicroProfile Config file with
 * the settings a test wants: tests run the artifact users run, not a hand-picked subset of classes.
 */
public final class ParleyDeployment {

    private final Map<String, String> settings = new LinkedHashMap<>();

    private ParleyDeployment() {
    }

    /** Embedded defaults, on a fresh SQLite file of the test's own. */
    public static ParleyDeployment onFreshSqlite(String name) {
        return new ParleyDeployment().with("parley.db.url", "jdbc:sqlite:" + freshSqliteFile(name));
    }

    public static ParleyDeployment onPostgres(String schema) {
        return new ParleyDeployment()
                .with("parley.db.url", TestServices.postgresUrl(schema))
                .with("parley.db.user", TestServices.POSTGRES_USER);
    }

    public ParleyDeployment with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    public WebArchive archive() {
        File war = new File(System.getProperty("parley.war", "target/parley.war"));
        String config = settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    /** Where {@link #onFreshSqlite} put the database of that name, to look at it (or lock it) from a test. */
    public static Path existingSqliteFile(String name) {
        return Path.of(System.getProperty("parley.testdata", "target/it-data")).toAbsolutePath().resolve(name + ".db");
    }

    public static Path freshSqliteFile(String name) {
        Path folder = Path.of(System.getProperty("parley.testdata", "target/it-data")).toAbsolutePath();
        try {
            Files.createDirectories(folder);
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(folder.resolve(name + ".db" + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.resolve(name + ".db");
    }
}
