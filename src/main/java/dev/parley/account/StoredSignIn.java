package dev.parley.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A sign-in as every node sees it (table {@code sign_ins}): who, since when, last used when, and whether it has
 * ended. The browser holds the secret whose hash is stored here ({@link SignInCookie}).
 */
@Entity
@Table(name = "sign_ins")
@NamedQuery(name = StoredSignIn.BY_SECRET_HASH, query = "SELECT s FROM StoredSignIn s WHERE s.secretHash = :hash")
@NamedQuery(name = StoredSignIn.BY_IDS, query = "SELECT s FROM StoredSignIn s WHERE s.id IN :ids")
@NamedQuery(name = StoredSignIn.END, query = "UPDATE StoredSignIn s SET s.endedAt = :now, s.endedWhy = :why"
        + " WHERE s.id = :id AND s.endedAt IS NULL")
class StoredSignIn {

    static final String BY_SECRET_HASH = "StoredSignIn.bySecretHash";
    static final String BY_IDS = "StoredSignIn.byIds";
    static final String END = "StoredSignIn.end";

    @Id
    private String id;

    @Column(nullable = false)
    private String username;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_why")
    private String endedWhy;

    @Column(name = "provider_sign_out")
    private String providerSignOut;

    protected StoredSignIn() {
    }

    StoredSignIn(String id, String username, String secretHash, Instant now, String providerSignOut) {
        this.id = id;
        this.username = username;
        this.secretHash = secretHash;
        this.startedAt = now;
        this.lastUsedAt = now;
        this.providerSignOut = providerSignOut;
    }

    String id() {
        return id;
    }

    String username() {
        return username;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** Why it ended, or null while it lasts. */
    SignInEnded.Why endedWhy() {
        return endedAt == null ? null : endedWhy == null ? SignInEnded.Why.SIGNED_OUT : SignInEnded.Why.valueOf(endedWhy);
    }

    String providerSignOut() {
        return providerSignOut;
    }

    SignedInCaller caller() {
        return new SignedInCaller(username, id);
    }
}
