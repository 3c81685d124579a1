package dev.parley.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Copies SQLite's write-ahead log into the database file in the background. Left to SQLite, the commit that
 * fills the log past its threshold does the copy and its fsyncs itself, and that commit is the message writer's:
 * under load a third of its time went there (jstack). A passive checkpoint here runs beside the writer without
 * blocking it. But the log only starts over from its beginning once a checkpoint has caught up with the last
 * commit, which a busy writer never lets a passive one do; so when the log has grown past
 * {@link #RESTART_AFTER_PAGES}, a restarting checkpoint briefly holds the writer back (the passive ones have
 * copied nearly everything by then) and the log starts over. The connections' own automatic checkpoint stays as
 * a backstop (see {@link ParleyDataSource}).
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SqliteCheckpoints {

    static final long EVERY_MILLIS = 250;
    /**
     * 64 MiB of 4 KiB pages. Each restart holds the writer back for its last pages, its fsync and SQLite's busy
     * wait (which sleeps in steps of milliseconds), so not too often: at 16 MiB that was 7 % of the writer's time.
     */
    static final int RESTART_AFTER_PAGES = 16_384;
    private static final Logger LOG = Logger.getLogger(SqliteCheckpoints.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> checkpoints;

    @PostConstruct
    void start() {
        if (DatabaseSettings.fromConfig().isSqlite()) {
            checkpoints = scheduler.scheduleWithFixedDelay(this::checkpoint, EVERY_MILLIS, EVERY_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void checkpoint() {
        try (Connection connection = dataSource.getConnection(); Statement pragma = connection.createStatement()) {
            if (logPages(pragma, "PASSIVE") > RESTART_AFTER_PAGES) {
                logPages(pragma, "RESTART");
            }
        } catch (SQLException | RuntimeException e) {
            // The next run tries again; the connections' own checkpoint covers a longer failure.
            LOG.log(Level.WARNING, "A background checkpoint of the SQLite log failed", e);
        }
    }

    /** Runs a checkpoint of the given mode; answers how many pages the log holds. */
    private static int logPages(Statement pragma, String mode) throws SQLException {
        try (ResultSet result = pragma.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return result.next() ? result.getInt(2) : 0;
        }
    }

    @PreDestroy
    void stop() {
        if (checkpoints != null) {
            checkpoints.cancel(false);
        }
    }
}
