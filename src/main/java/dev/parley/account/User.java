package dev.parley.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Someone who can sign in. The username is the identity everywhere (rooms, messages, presence) and never
 * changes; the display name is what people see. A user from the company's identity provider (OpenID Connect or
 * LDAP) has no local password: {@link CompanyIdentity} says who they are there. An admin may disable the account
 * (nothing works for it until enabled again; its messages stay) or make it an admin; the provider's admin group
 * makes its members admins too ({@code adminByGroup}, set again at each of their sign-ins).
 */
@Entity
@Table(name = "users")
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.username")
@NamedQuery(name = User.BY_AVATAR, query = "SELECT u FROM User u WHERE u.avatarKey = :key")
@NamedQuery(name = User.LOCK, query = "UPDATE User u SET u.admin = u.admin WHERE u.username = :username")
@NamedQuery(name = User.SEARCH, query = "SELECT u FROM User u WHERE (LOWER(u.username) LIKE :words ESCAPE '\\'"
        + " OR LOWER(u.displayName) LIKE :words ESCAPE '\\') AND u.username > :after ORDER BY u.username")
public class User {

    static final String ALL = "User.all";
    static final String BY_AVATAR = "User.byAvatar";
    static final String SEARCH = "User.search";
    static final String LOCK = "User.lock";
    static final String PASSWORD = "password";

    @Id
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "admin", nullable = false)
    private boolean admin;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "signs_in_with", nullable = false)
    private String signsInWith = PASSWORD;

    @Column(name = "admin_by_group", nullable = false)
    private boolean adminByGroup;

    /** A line the person sets for others to see beside their name; empty when none. */
    @Column(name = "status", nullable = false)
    private String status = "";

    /** The file store's key of the person's picture, and its image type; null when they have none. */
    @Column(name = "avatar_key")
    private String avatarKey;

    @Column(name = "avatar_type")
    private String avatarType;

    protected User() {
    }

    User(Username username, String displayName, String passwordHash, Instant createdAt) {
        this.username = username.value();
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    /** A person from the company's identity provider, signing in {@code with} "oidc" or "ldap"; no password. */
    static User fromCompany(Username username, String displayName, String with, boolean adminByGroup,
            Instant createdAt) {
        User user = new User(username, displayName, null, createdAt);
        user.signsInWith = with;
        user.adminByGroup = adminByGroup;
        return user;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    /** A local account: it signs in with a password kept here (perhaps besides a company sign-in). */
    boolean hasPassword() {
        return passwordHash != null;
    }

    /** Company accounts take their display name from the provider at every sign-in; only local ones set it here. */
    boolean namesItself() {
        return signsInWith.equals(PASSWORD);
    }

    public String status() {
        return status;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void setStatus(String status) {
        this.status = status;
    }

    public String avatarKey() {
        return avatarKey;
    }

    public String avatarType() {
        return avatarType;
    }

    /** A new picture (null key: none); answers the key of the one it replaces, if any. */
    String replaceAvatar(String key, String type) {
        String old = avatarKey;
        this.avatarKey = key;
        this.avatarType = key == null ? null : type;
        return old;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** An admin in the database; {@link AccountService#standing} also counts those named by configuration. */
    boolean isAdmin() {
        return admin;
    }

    boolean isAdminByGroup() {
        return adminByGroup;
    }

    /** "password" (a local account), "oidc" or "ldap"; joined by "+" when an admin linked several. */
    String signsInWith() {
        return signsInWith;
    }

    /** After an admin linked a company sign-in to this account: "password+oidc", say. */
    void alsoSignsInWith(String others) {
        Set<String> ways = new LinkedHashSet<>(List.of(signsInWith.split("\\+")));
        ways.addAll(List.of(others.split("\\+")));
        signsInWith = String.join("+", ways);
    }

    /** What the provider said at this sign-in: the name to show and whether the admin group holds them. */
    void updateFromCompany(String displayName, boolean adminByGroup) {
        this.displayName = displayName;
        this.adminByGroup = adminByGroup;
    }

    boolean isDisabled() {
        return disabledAt != null;
    }

    Instant disabledAt() {
        return disabledAt;
    }

    void setAdmin(boolean admin) {
        this.admin = admin;
    }

    void disable(Instant now) {
        this.disabledAt = now;
    }

    void enable() {
        this.disabledAt = null;
    }
}
