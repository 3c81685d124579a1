package dev.parley.account;

import dev.parley.platform.Database;
import dev.parley.platform.ParleyConfig;
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
import java.util.Map;
import java.util.Optional;
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
        long lastUsed = stored.lastUsedAt().toEpochMilli();
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
                && isIdle(stored.lastUsedAt().toEpochMilli(), clock.millis())) {
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

    /** Notes that the sign-in was used at {@code millis} (never moving its last use back). A write of its own. */
    public void noteUse(String signInId, long millis) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE sign_ins SET last_used_at = ? WHERE id = ? AND last_used_at < ?")) {
            update.setLong(1, millis);
            update.setString(2, signInId);
            update.setLong(3, millis);
            update.executeUpdate();
        } catch (SQLException failed) {
            // Only idle time: the request or frame it came with goes on.
            LOG.log(Level.WARNING, "Could not note a sign-in's use", failed);
        }
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
