package dev.parley.account;

import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.platform.Database;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TextRules;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Personal access tokens: created, listed and revoked by their owner; checked on every request that carries
 * {@code Authorization: Bearer <secret>}. A secret is {@code parley_} and 43 characters of base64url (256 random
 * bits); only its SHA-256 is stored, and it names the token's sign-in ({@link #signInIdOf}), so the WebSocket
 * side can tell a token's sockets without a database read.
 */
@ApplicationScoped
public class AccessTokens {

    public static final String PREFIX = "parley_";
    /** What the sign-in ids of token sockets start with ({@link #signInIdOf}). */
    static final String SIGN_IN_PREFIX = "token:";
    public static final int MAX_NAME = 64;
    public static final int MAX_TOKENS_PER_USER = 50;
    public static final int LONGEST_DAYS = 366;
    /** Last use is written at most this often per token: a bot's every call must not be a database write. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    Event<AccessTokenRevoked> revoked;

    private final Clock clock = Clock.systemUTC();

    /** The secret of an {@code Authorization: Bearer <secret>} header, or null for any other header or none. */
    public static String secretIn(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorizationHeader.substring(7).strip();
    }

    /** The sign-in id of every socket opened with this secret: derived from its hash, never the secret itself. */
    public static String signInIdOf(String secret) {
        return SIGN_IN_PREFIX + hash(secret);
    }

    /** Whether a connection's sign-in id is a token's rather than a session's. */
    public static boolean isTokenSignIn(String signInId) {
        return signInId != null && signInId.startsWith(SIGN_IN_PREFIX);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    /** Creates a token for the user; the answer is the only time its secret is shown. */
    @Transactional
    public AccessTokenView create(String username, String typedName, Long days, String address) {
        String name = typedName == null ? "" : typedName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || !TextRules.fitsName(name)) {
            throw new ParleyException(ErrorCode.INVALID, "A token needs a name of 1 to " + MAX_NAME
                    + " visible characters");
        }
        if (days == null || days < 1 || days > LONGEST_DAYS) {
            throw new ParleyException(ErrorCode.INVALID, "A token lasts 1 to " + LONGEST_DAYS + " days: expiresInDays");
        }
        // The owner's row is locked first (SQLite: the write lock up front), so the count below holds.
        em.createNamedQuery(User.LOCK).setParameter("username", username).executeUpdate();
        if (em.createNamedQuery(AccessToken.OF_USER, AccessToken.class).setParameter("user", username)
                .getResultStream().filter(token -> !token.isRevoked()).count() >= MAX_TOKENS_PER_USER) {
            throw new ParleyException(ErrorCode.INVALID, "At most " + MAX_TOKENS_PER_USER
                    + " tokens; revoke one first");
        }
        String secret = PREFIX + random(32);
        Instant now = clock.instant();
        AccessToken token = new AccessToken(random(12), username, name, hash(secret), now, now.plus(Duration.ofDays(days)));
        em.persist(token);
        audit.record(username, AuditAction.TOKEN_CREATED, username, name, address);
        return token.view(now, secret);
    }

    public List<AccessTokenView> of(String username) {
        Instant now = clock.instant();
        return em.createNamedQuery(AccessToken.OF_USER, AccessToken.class).setParameter("user", username)
                .getResultStream().map(token -> token.view(now)).toList();
    }

    /** Revokes one of the user's tokens: it stops working with the next request, and its sockets close. */
    @Transactional
    public void revoke(String username, String id, String address) {
        if (id != null) {
            em.createNamedQuery(AccessToken.LOCK).setParameter("id", id).executeUpdate();
        }
        AccessToken token = id == null ? null : em.find(AccessToken.class, id);
        if (token == null || !token.username().equals(username)) {
            throw new ParleyException(ErrorCode.UNKNOWN_TOKEN, "You have no token " + TextRules.excerpt(id, 40));
        }
        if (!token.isRevoked()) {
            token.revoke(clock.instant());
            audit.record(username, AuditAction.TOKEN_REVOKED, username, token.id(), address);
            revoked.fire(new AccessTokenRevoked(username, SIGN_IN_PREFIX + token.secretHash()));
        }
    }

    /**
     * The user a secret signs in, while the token works; notes when it was last used. Read outside any
     * transaction; the note is a write of its own (auto-commit), at most once a minute per token.
     */
    public Optional<String> userOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<AccessToken> token = em.createNamedQuery(AccessToken.BY_SECRET_HASH, AccessToken.class)
                .setParameter("hash", hash(secret)).getResultStream().findFirst()
                .filter(found -> found.worksAt(now));
        token.filter(found -> found.lastUsedAt() == null || found.lastUsedAt().plus(LAST_USE_PRECISION).isBefore(now))
                .ifPresent(found -> noteUse(found.id(), now));
        return token.map(AccessToken::username);
    }

    private void noteUse(String id, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE access_tokens SET last_used_at = ? WHERE id = ?")) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, id);
            update.executeUpdate();
        } catch (SQLException failed) {
            // Only a note for the owner: the request it came with goes on.
            LOG.log(Level.WARNING, "Could not note a token's last use", failed);
        }
    }

    /** Of these token sign-in ids, the ones whose token no longer works (revoked, expired, or unknown). */
    public Set<String> ended(Collection<String> signInIds) {
        Set<String> hashes = signInIds.stream().filter(AccessTokens::isTokenSignIn)
                .map(id -> id.substring(SIGN_IN_PREFIX.length())).collect(Collectors.toSet());
        if (hashes.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        Set<String> working = em.createNamedQuery(AccessToken.BY_SECRET_HASHES, AccessToken.class)
                .setParameter("hashes", hashes).getResultStream().filter(token -> token.worksAt(now))
                .map(AccessToken::secretHash).collect(Collectors.toSet());
        return hashes.stream().filter(hash -> !working.contains(hash)).map(hash -> SIGN_IN_PREFIX + hash)
                .collect(Collectors.toSet());
    }

    /** {@code bytes} random bytes in base64url: for secrets and ids. */
    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
