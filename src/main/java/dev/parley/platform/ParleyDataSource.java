package dev.parley.platform;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The JDBC data source behind Parley's connection pool: SQLite or PostgreSQL, whichever {@code parley.db.url}
 * names. The container's pool instantiates this class (see {@link Database}); it picks the driver when the
 * first connection is asked for, so one WAR runs on either database without a server-side resource.
 */
public class ParleyDataSource implements DataSource {

    /** 128 MiB of 4 KiB pages: twice what the background checkpoints let the log reach, so only a backstop. */
    static final int WAL_AUTOCHECKPOINT_PAGES = 32_768;
    /** After a burst the log file is cut back to this size rather than keeping its largest. */
    static final long WAL_SIZE_LIMIT_BYTES = 64L * 1024 * 1024;

    private volatile DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource target() {
        DataSource current = target;
        if (current == null) {
            synchronized (this) {
                if (target == null) {
                    target = create(DatabaseSettings.fromConfig());
                }
                current = target;
            }
        }
        return current;
    }

    static DataSource create(DatabaseSettings settings) {
        if (settings.isSqlite()) {
            return sqlite(settings.url(), settings.sqliteSync());
        }
        if (settings.isPostgres()) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl(settings.url());
            if (!settings.user().isEmpty()) {
                postgres.setUser(settings.user());
            }
            if (!settings.password().isEmpty()) {
                postgres.setPassword(settings.password());
            }
            return postgres;
        }
        throw new IllegalStateException(ParleyConfig.DB_URL + " must start with jdbc:sqlite: or jdbc:postgresql:, was "
                + settings.url());
    }

    private static DataSource sqlite(String url, DatabaseSettings.SqliteSync sync) {
        createParentFolder(url.substring("jdbc:sqlite:".length()));
        SQLiteConfig config = new SQLiteConfig();
        // WAL lets readers run beside the one writer; the busy timeout makes a second writer wait instead of fail.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL by default: the writer commits a whole batch at once, so the sync per commit is paid per batch.
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(sync.name()));
        config.setBusyTimeout(10_000);
        // SqliteCheckpoints copies the log in the background; a commit does it itself only past this many pages.
        config.setWalAutocheckpoint(WAL_AUTOCHECKPOINT_PAGES);
        config.setPragma(SQLiteConfig.Pragma.JOURNAL_SIZE_LIMIT, String.valueOf(WAL_SIZE_LIMIT_BYTES));
        config.enforceForeignKeys(true);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(url);
        return sqlite;
    }

    private static void createParentFolder(String file) {
        String path = file.contains("?") ? file.substring(0, file.indexOf('?')) : file;
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the database folder " + parent, e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target().isWrapperFor(type);
    }
}
