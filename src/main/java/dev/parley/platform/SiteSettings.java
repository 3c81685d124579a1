package dev.parley.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The settings an admin may change while Parley runs: whether registration is open and the longest message.
 * Configuration gives their values at start; a change is kept in the database's {@code settings} table and wins
 * over configuration from then on, on every node. Each node reads the table again every
 * {@link #REREAD_EVERY_SECONDS} on a timer thread, so another node follows a change within seconds; the node that
 * made it at once. Reading a setting is a field read, never a query: the message length is checked for every
 * message, and a query inside a caller's transaction would make SQLite start it as a reader (a write after it
 * then fails with SQLITE_BUSY_SNAPSHOT when another connection wrote meanwhile).
 */
@ApplicationScoped
public class SiteSettings {

    public static final String REGISTRATION_OPEN = "registration.open";
    public static final String MESSAGE_MAX_LENGTH = "message.max-length";
    /** The largest limit an admin may set: four bytes a code point still fits a WebSocket frame of 256 KiB. */
    public static final int LARGEST_MESSAGE_LIMIT = 20_000;
    static final long REREAD_EVERY_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(SiteSettings.class.getName());

    @Inject
    ParleyConfig config;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PersistenceContext
    EntityManager em;

    /** What the settings are now. */
    public record Values(boolean registrationOpen, int maxMessageLength) {
    }

    @Resource
    ManagedScheduledExecutorService timer;

    private volatile Values values;
    private ScheduledFuture<?> rereading;

    /** Created at start, outside any request's transaction, with the stored settings read before any request. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // Touching the bean is enough: @PostConstruct does the work.
    }

    @PostConstruct
    void readAndKeepReading() {
        values = new Values(config.registrationOpen(), config.maxMessageLength());
        reread();
        rereading = timer.scheduleWithFixedDelay(() -> {
            try {
                reread();
            } catch (RuntimeException unexpected) {
                // A scheduled task that throws is never run again.
                LOG.log(Level.WARNING, "Reading the settings failed", unexpected);
            }
        }, REREAD_EVERY_SECONDS, REREAD_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (rereading != null) {
            rereading.cancel(false);
        }
    }

    public boolean registrationOpen() {
        return current().registrationOpen();
    }

    public int maxMessageLength() {
        return current().maxMessageLength();
    }

    public Values current() {
        return values;
    }

    /**
     * Changes the given settings (a null leaves one as it is) in the caller's transaction, and returns them all.
     * This node uses them at once; should the transaction roll back, the next reading puts the stored ones back.
     */
    @Transactional
    public Values change(Boolean registrationOpen, Integer maxMessageLength) {
        if (maxMessageLength != null && (maxMessageLength < 1 || maxMessageLength > LARGEST_MESSAGE_LIMIT)) {
            throw new ParleyException(ErrorCode.INVALID,
                    "The message length limit is 1 to " + LARGEST_MESSAGE_LIMIT + " characters");
        }
        Values before = current();
        if (registrationOpen != null) {
            store(REGISTRATION_OPEN, registrationOpen.toString());
        }
        if (maxMessageLength != null) {
            store(MESSAGE_MAX_LENGTH, maxMessageLength.toString());
        }
        values = new Values(registrationOpen == null ? before.registrationOpen() : registrationOpen,
                maxMessageLength == null ? before.maxMessageLength() : maxMessageLength);
        return values;
    }

    private void store(String name, String value) {
        // Update, then insert if there was nothing to update: the same statements on SQLite and PostgreSQL.
        long now = System.currentTimeMillis();
        int updated = em.createNativeQuery("UPDATE settings SET value = ?1, changed_at = ?2 WHERE name = ?3")
                .setParameter(1, value).setParameter(2, now).setParameter(3, name).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO settings (name, value, changed_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, name).setParameter(2, value).setParameter(3, now).executeUpdate();
        }
    }

    private void reread() {
        Map<String, String> stored = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT name, value FROM settings");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException failed) {
            // Keep what we had: a database that cannot be read now fails the requests that need it anyway.
            LOG.log(Level.WARNING, "Could not read the settings; keeping the ones read before", failed);
            return;
        }
        values = new Values(
                Boolean.parseBoolean(stored.getOrDefault(REGISTRATION_OPEN, Boolean.toString(config.registrationOpen()))),
                parseLength(stored.get(MESSAGE_MAX_LENGTH), config.maxMessageLength()));
    }

    private static int parseLength(String stored, int configured) {
        try {
            return stored == null ? configured : Integer.parseInt(stored);
        } catch (NumberFormatException unreadable) {
            return configured;
        }
    }
}
