package dev.parley.account;

import dev.parley.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A personal access token: lets a bot or script act as its user ({@code Authorization: Bearer <secret>}) until it
 * expires or is revoked. Only the secret's hash is stored; the secret is shown once, when it is created.
 */
@Entity
@Table(name = "access_tokens")
@NamedQuery(name = AccessToken.OF_USER,
        query = "SELECT t FROM AccessToken t WHERE t.username = :user ORDER BY t.createdAt DESC")
@NamedQuery(name = AccessToken.LOCK, query = "UPDATE AccessToken t SET t.name = t.name WHERE t.id = :id")
@NamedQuery(name = AccessToken.BY_SECRET_HASH, query = "SELECT t FROM AccessToken t WHERE t.secretHash = :hash")
@NamedQuery(name = AccessToken.BY_SECRET_HASHES,
        query = "SELECT t FROM AccessToken t WHERE t.secretHash IN :hashes")
class AccessToken {

    static final String OF_USER = "AccessToken.ofUser";
    static final String BY_SECRET_HASH = "AccessToken.bySecretHash";
    static final String LOCK = "AccessToken.lock";
    static final String BY_SECRET_HASHES = "AccessToken.bySecretHashes";

    @Id
    private String id;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected AccessToken() {
    }

    AccessToken(String id, String username, String name, String secretHash, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.username = username;
        this.name = name;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String id() {
        return id;
    }

    String username() {
        return username;
    }

    String secretHash() {
        return secretHash;
    }

    /** Neither revoked nor expired at {@code now}. */
    boolean worksAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant now) {
        this.revokedAt = now;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    AccessTokenView view(Instant now) {
        return view(now, null);
    }

    /** As its owner sees it; {@code secret} only in the answer that created it. */
    AccessTokenView view(Instant now, String secret) {
        return new AccessTokenView(id, name, Timestamps.format(createdAt), Timestamps.format(expiresAt),
                lastUsedAt == null ? null : Timestamps.format(lastUsedAt),
                revokedAt != null ? "revoked" : worksAt(now) ? "active" : "expired", secret);
    }
}
