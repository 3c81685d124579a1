package dev.parley.account;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyConfig;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TextRules;
import dev.parley.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * What an admin does to accounts: find them, disable and enable them, make them admins or not. Callers check that
 * the caller is an admin and write the audit log (the admin package); this class only keeps the accounts right.
 */
@ApplicationScoped
public class AccountAdministration {

    public static final int MAX_PAGE = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    ParleyConfig config;

    @Inject
    Event<AccountDisabled> disabled;

    private final Clock clock = Clock.systemUTC();

    /**
     * Accounts whose username or display name holds {@code words} (any case; all accounts when blank), in
     * username order after {@code after}, at most {@code limit}.
     */
    public List<AccountSummary> search(String words, String after, int limit) {
        return em.createNamedQuery(User.SEARCH, User.class)
                .setParameter("words", TextRules.adminSearch(words))
                .setParameter("after", after == null ? "" : after)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultStream().map(this::summary).toList();
    }

    public AccountSummary summary(String username) {
        return summary(existing(username));
    }

    /**
     * Disables or enables the account. Disabling closes its sockets on every node (after commit) and refuses its
     * next request; its messages and memberships stay. An admin cannot disable themselves (nobody could undo it
     * if they were the last admin).
     */
    @Transactional
    public AccountSummary setDisabled(String actor, String username, boolean disable) {
        User user = locked(username);
        if (disable && user.username().equals(actor)) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED, "You cannot disable your own account");
        }
        if (disable && !user.isDisabled()) {
            user.disable(clock.instant());
            disabled.fire(new AccountDisabled(user.username()));
        } else if (!disable) {
            user.enable();
        }
        return summary(user);
    }

    /**
     * Makes the account an admin or not. Those named in {@code PARLEY_ADMIN_USERS} stay admins (the console says
     * so); an admin cannot revoke themselves, so there is always someone to undo a mistake.
     */
    @Transactional
    public AccountSummary setAdmin(String actor, String username, boolean admin) {
        User user = locked(username);
        if (!admin && config.adminUsers().contains(user.username())) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED, user.username()
                    + " is an admin by configuration (PARLEY_ADMIN_USERS); change it there");
        }
        if (!admin && user.isAdminByGroup()) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED, user.username()
                    + " is an admin through the identity provider's admin group; change it there");
        }
        if (!admin && user.username().equals(actor)) {
            throw new ParleyException(ErrorCode.NOT_ALLOWED, "You cannot revoke your own admin role");
        }
        user.setAdmin(admin);
        return summary(user);
    }

    /**
     * Makes the company sign-ins (OpenID Connect, LDAP) that now sign in as {@code from} sign in as {@code username}
     * instead: one person who had a local account before the company's provider arrived, and got a second user at
     * their first company sign-in. {@code from} is disabled (its messages and rooms stay, under its name); the next
     * company sign-in brings its holder to {@code username}'s rooms.
     */
    @Transactional
    public AccountSummary link(String actor, String username, String from) {
        User target = locked(username);
        User source = existing(from);
        if (source.username().equals(target.username())) {
            throw new ParleyException(ErrorCode.INVALID, "Link two different accounts");
        }
        int moved = em.createQuery("UPDATE CompanyIdentity i SET i.username = :target WHERE i.username = :source")
                .setParameter("target", target.username()).setParameter("source", source.username()).executeUpdate();
        if (moved == 0) {
            throw new ParleyException(ErrorCode.INVALID, source.username() + " has no company sign-in to link");
        }
        target.alsoSignsInWith(source.signsInWith());
        if (!source.isDisabled()) {
            source.disable(clock.instant());
            disabled.fire(new AccountDisabled(source.username()));
        }
        return summary(target);
    }

    /**
     * The account, its row locked first: a transaction's first statement must be its write (SQLite then takes its
     * write lock up front; a read first would make a later write fail if another connection wrote meanwhile).
     */
    private User locked(String typed) {
        em.createNamedQuery(User.LOCK).setParameter("username", key(typed)).executeUpdate();
        return existing(typed);
    }

    private User existing(String typed) {
        User user = em.find(User.class, key(typed));
        if (user == null) {
            throw new ParleyException(ErrorCode.UNKNOWN_USER, "There is no user " + TextRules.excerpt(typed, 40));
        }
        return user;
    }

    private AccountSummary summary(User user) {
        boolean byConfiguration = config.adminUsers().contains(user.username());
        return new AccountSummary(user.username(), user.displayName(),
                user.isAdmin() || byConfiguration || user.isAdminByGroup(), byConfiguration, user.isAdminByGroup(),
                user.isDisabled(), user.disabledAt() == null ? null : Timestamps.format(user.disabledAt()),
                user.signsInWith(), Timestamps.format(user.createdAt()));
    }

    /** A username as typed, the way accounts are keyed: trimmed, lower case. */
    private static String key(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }
}
