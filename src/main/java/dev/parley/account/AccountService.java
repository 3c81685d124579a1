package dev.parley.account;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyConfig;
import dev.parley.platform.ParleyException;
import dev.parley.platform.SiteSettings;
import dev.parley.platform.TextRules;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registers users and checks and changes their passwords. */
@ApplicationScoped
public class AccountService {

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 1024;
    static final int MAX_DISPLAY_NAME = 64;
    private static final int SQLITE_CONSTRAINT = 19;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    ParleyConfig config;

    @Inject
    PasswordHashing hashing;

    @Inject
    SiteSettings settings;

    @Inject
    SharedSignIns signIns;

    private final Clock clock = Clock.systemUTC();

    /** Checked when the username is unknown, so a wrong name costs the same time as a wrong password. */
    private String decoyHash;

    @PostConstruct
    void configureHashing() {
        // OWASP's 2023 figure for PBKDF2-HMAC-SHA512; the stored hash records its own parameters, so raising
        // this later keeps old passwords valid.
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoyHash = passwordHash.generate("decoy-password".toCharArray());
    }

    @Transactional
    public UserView register(String typedUsername, String password, String typedDisplayName) {
        if (!config.localLogin()) {
            throw new ParleyException(ErrorCode.REGISTRATION_CLOSED, "Accounts here come from your company's sign-in");
        }
        if (!settings.registrationOpen()) {
            throw new ParleyException(ErrorCode.REGISTRATION_CLOSED, "Registration is switched off here");
        }
        Username username = Username.of(typedUsername);
        checkPassword(password);
        String displayName = displayName(typedDisplayName, username);
        String hash = hashing.hash(() -> passwordHash.generate(password.toCharArray()));
        User user = new User(username, displayName, hash, clock.instant());
        try {
            // Insert first and let the primary key decide: a check-then-insert would race with a twin request.
            em.persist(user);
            em.flush();
        } catch (PersistenceException failed) {
            if (isDuplicateKey(failed)) {
                throw new ParleyException(ErrorCode.TAKEN, "The username " + username + " is taken");
            }
            throw failed; // logged and answered "internal" by the API's failure mapper
        }
        return UserView.of(user);
    }

    /**
     * Whether the insert failed because the row exists: SQL state class 23 (integrity constraint violation) on
     * PostgreSQL, SQLITE_CONSTRAINT (19, and its extended codes) on SQLite. Anything else is a real failure.
     */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("23"))
                    || (sql.getErrorCode() & 0xFF) == SQLITE_CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }

    public static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new ParleyException(ErrorCode.INVALID, "A password is at least " + MIN_PASSWORD + " characters");
        }
    }

    /** The display name to keep for what was typed: the username when nothing was. */
    static String displayName(String typed, Username username) {
        checkDisplayName(typed);
        String name = typed == null ? "" : typed.strip();
        return name.isEmpty() ? username.value() : name;
    }

    public static void checkDisplayName(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.length() > MAX_DISPLAY_NAME || !TextRules.fitsName(name)) {
            throw new ParleyException(ErrorCode.INVALID, "A display name is at most " + MAX_DISPLAY_NAME
                    + " visible characters: no control, invisible or direction-changing ones");
        }
    }

    /** The user whose password this is, or empty; never says which of the two was wrong. */
    public Optional<UserView> verify(String typedUsername, String password) {
        Optional<User> user;
        try {
            user = find(Username.of(typedUsername).value());
        } catch (ParleyException malformedName) {
            user = Optional.empty();
        }
        String stored = user.map(User::passwordHash).orElse(decoyHash);
        boolean matches = password != null && stored != null && passwordHash.verify(password.toCharArray(), stored);
        return matches ? user.map(UserView::of) : Optional.empty();
    }

    /**
     * What the account may do now (admin? disabled?), or empty when there is no such account. One primary-key read;
     * {@link SignInMechanism} asks on every authenticated request.
     */
    public Optional<Standing> standing(String username) {
        return find(username).map(user -> new Standing(
                user.isAdmin() || user.isAdminByGroup() || config.adminUsers().contains(user.username()),
                user.isDisabled()));
    }

    /**
     * A local account's new password, given the current one. Every other sign-in of the account ends (a
     * password is changed when it may have leaked); {@code keepSignIn}, the one asking, goes on.
     */
    @Transactional
    public void changePassword(String username, String keepSignIn, String current, String next) {
        User user = existing(username);
        if (!user.hasPassword()) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED, "Your company's sign-in keeps your password");
        }
        if (current == null || !passwordHash.verify(current.toCharArray(), user.passwordHash())) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED, "That is not your current password");
        }
        checkPassword(next);
        user.setPasswordHash(hashing.hash(() -> passwordHash.generate(next.toCharArray())));
        em.flush();
        signIns.endAllBut(username, keepSignIn, SignInEnded.Why.PASSWORD_CHANGED);
    }

    /** The signed-in caller's account; {@code unauthenticated} when it no longer exists. */
    public User existing(String username) {
        return find(username)
                .orElseThrow(() -> new ParleyException(ErrorCode.UNAUTHENTICATED, "Your account no longer exists"));
    }

    public Optional<User> find(String username) {
        return Optional.ofNullable(em.find(User.class, username));
    }

    public Optional<UserView> user(String username) {
        return find(username).map(UserView::of);
    }

    public List<UserView> everyone() {
        return em.createNamedQuery(User.ALL, User.class).getResultStream().map(UserView::of).toList();
    }
}
