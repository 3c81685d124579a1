package dev.parley.account;

import dev.parley.platform.Database;
import dev.parley.platform.ParleyConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Sign-ins kept in the database rather than in one node's memory, so any node can take one up: a person whose
 * node died, or was redeployed, reconnects to another without signing in again. The HTTP session of each node
 * only remembers which sign-in it serves; whether that sign-in still lasts is read here on every request, so
 * ending it (on any node) ends it everywhere. Idle time is counted here too: every node notes use (HTTP requests,
 * and what its sockets send) at most every {@link #usePrecision()}.
 */
@ApplicationScoped
public class SharedSignIns {

    /** Sign-in id -> its latest use not written yet (see {@link #noteUse}). */
    private final ConcurrentHashMap<String, Long> unwrittenUse = new ConcurrentHashMap<>();

    /** How often use is noted at most, for sign-ins whose idle timeout is long. */
    static final Duration LONGEST_USE_PRECISION = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(SharedSignIns.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    ParleyConfig config;

    @Inject
    Event<SignInEnded> ended;

    private final Clock clock = Clock.systemUTC();

    /** How one sign-in stands, for a node checking the sockets it holds. */
    public record State(long lastUsedMillis, SignInEnded.Why endedWhy) {
    }

    /** A new sign-in and the secret its browser keeps; only the secret's hash is stored. */
    record Started(SignedInCaller caller, String secret) {
    }

    @Transactional
    Started start(String username, String providerSignOut) {
        String secret = AccessTokens.random(32);
        SignedInCaller caller = SignedInCaller.signingIn(username);
        em.persist(new StoredSignIn(caller.signInId(), username, AccessTokens.hash(secret), clock.instant(),
                providerSignOut));
        return new Started(caller, secret);
    }

    /** The sign-in a browser's secret belongs to, while it lasts. */
    Optional<SignedInCaller> resume(String secret) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery(StoredSignIn.BY_SECRET_HASH, StoredSignIn.class)
                .setParameter("hash", AccessTokens.hash(secret)).getResultStream().findFirst()
                .filter(this::lasts).map(StoredSignIn::caller);
    }

    /** Whether the sign-in lasts: not ended, not idle too long (then it ends here). Notes the use. */
    boolean lasts(SignedInCaller caller) {
        StoredSignIn stored = em.find(StoredSignIn.class, caller.signInId());
        return stored != null && lasts(stored);
    }

    private boolean lasts(StoredSignIn stored) {
        if (stored.endedWhy() != null) {
            return false;
        }
        long now = clock.millis();
        long lastUsed = Math.max(stored.lastUsedAt().toEpochMilli(), unwrittenUse.getOrDefault(stored.id(), 0L));
        if (isIdle(lastUsed, now)) {
            end(stored.caller(), SignInEnded.Why.EXPIRED);
            return false;
        }
        if (now - lastUsed > usePrecision().toMillis()) {
            noteUse(stored.id(), now);
        }
        return true;
    }

    /** The company's sign-out page to go on to after signing out of Parley, if the sign-in came from one. */
    Optional<String> providerSignOut(SignedInCaller caller) {
        return Optional.ofNullable(em.find(StoredSignIn.class, caller.signInId()))
                .map(StoredSignIn::providerSignOut);
    }

    /**
     * Ends the sign-in for every node, then announces it ({@link SignInEnded}: its sockets close here and, over
     * the bus, everywhere). Announced once: ending an ended sign-in does nothing. If the database cannot be
     * written, this node still ends it (the browser's cookie is cleared), and the failure is logged.
     */
    public void end(SignedInCaller caller, SignInEnded.Why why) {
        int changed;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE sign_ins SET ended_at = ?, ended_why = ? WHERE id = ? AND ended_at IS NULL")) {
            update.setLong(1, clock.millis());
            update.setString(2, why.name());
            update.setString(3, caller.signInId());
            changed = update.executeUpdate();
        } catch (SQLException failed) {
            LOG.log(Level.SEVERE, "Could not end a sign-in in the database; ended on this node only", failed);
            changed = 1;
        }
        if (changed > 0) {
            ended.fire(new SignInEnded(caller.username(), caller.signInId(), why));
        }
    }

    /** Ends every sign-in of the user but {@code keep} (null: all of them), as {@link #end} does each. */
    public void endAllBut(String username, String keep, SignInEnded.Why why) {
        em.createQuery("SELECT s FROM StoredSignIn s WHERE s.username = :user AND s.endedAt IS NULL", StoredSignIn.class)
                .setParameter("user", username).getResultStream().map(StoredSignIn::caller)
                .filter(caller -> !caller.signInId().equals(keep)).toList()
                .forEach(caller -> end(caller, why));
    }

    /** A node's HTTP session of this sign-in ended: the sign-in ends too if nobody used it anywhere for as long. */
    void sessionEnded(SignedInCaller caller) {
        StoredSignIn stored = em.find(StoredSignIn.class, caller.signInId());
        if (stored != null && stored.endedWhy() == null
                && isIdle(Math.max(stored.lastUsedAt().toEpochMilli(), unwrittenUse.getOrDefault(stored.id(), 0L)),
                        clock.millis())) {
            end(caller, SignInEnded.Why.EXPIRED);
        }
    }

    /** How these sign-ins stand, by id; one query. Ids of no stored sign-in are left out. */
    public Map<String, State> states(Collection<String> signInIds) {
        if (signInIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(StoredSignIn.BY_IDS, StoredSignIn.class).setParameter("ids", signInIds)
                .getResultStream().collect(Collectors.toMap(StoredSignIn::id,
                        stored -> new State(stored.lastUsedAt().toEpochMilli(), stored.endedWhy())));
    }

    /**
     * Notes that the sign-in was used at {@code millis} (never moving its last use back). Written with the others
     * by {@link #writeUses}, every few seconds: written at once, a busy user's concurrent requests each wrote it,
     * and on SQLite those writes queued for the one write lock, holding pooled connections the message writer then
     * waited for (measured: a fan-out with reactions stalled, docs/performance.md).
     */
    public void noteUse(String signInId, long millis) {
        unwrittenUse.merge(signInId, millis, Math::max);
    }

    /** Writes the uses noted since the last time, in one go; {@code EndedSignIns} calls it every 5 seconds. */
    public void writeUses() {
        if (unwrittenUse.isEmpty()) {
            return;
        }
        Map<String, Long> uses = new HashMap<>();
        for (String signInId : List.copyOf(unwrittenUse.keySet())) {
            Long millis = unwrittenUse.remove(signInId);
            if (millis != null) {
                uses.put(signInId, millis);
            }
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE sign_ins SET last_used_at = ? WHERE id = ? AND last_used_at < ?")) {
            for (Map.Entry<String, Long> use : uses.entrySet()) {
                update.setLong(1, use.getValue());
                update.setString(2, use.getKey());
                update.setLong(3, use.getValue());
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException failed) {
            // Only idle time: noted again at the next use.
            LOG.log(Level.WARNING, "Could not note when sign-ins were last used", failed);
        }
    }

    @PreDestroy
    void writeUsesBeforeStopping() {
        writeUses();
    }

    /** Whether a sign-in last used at {@code lastUsedMillis} has been idle too long at {@code nowMillis}. */
    public boolean isIdle(long lastUsedMillis, long nowMillis) {
        return nowMillis - lastUsedMillis > config.sessionIdleTimeout().toMillis();
    }

    /**
     * Use is noted at most this often: a tenth of the idle timeout, at most a minute. So a sign-in in use on one
     * node is never taken for idle by another, and a busy sign-in costs a write a minute, not one per request.
     */
    public Duration usePrecision() {
        Duration tenth = config.sessionIdleTimeout().dividedBy(10);
        return tenth.compareTo(LONGEST_USE_PRECISION) < 0 ? tenth : LONGEST_USE_PRECISION;
    }
}
