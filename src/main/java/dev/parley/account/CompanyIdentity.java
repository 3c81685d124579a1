package dev.parley.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A person as the company's identity provider knows them: who vouches for them ({@code issuer}: the OpenID
 * provider's issuer URL, or {@code ldap}) and its id for them ({@code subject}: the OpenID {@code sub}, or the
 * LDAP DN), tied to the Parley user created at their first sign-in. Names are never trusted for identity: the
 * provider's {@code alice} and a local {@code alice} are two people.
 */
@Entity
@Table(name = "identities")
@IdClass(CompanyIdentity.Key.class)
class CompanyIdentity {

    @Id
    private String issuer;

    @Id
    private String subject;

    @Column(nullable = false)
    private String username;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "signed_in_at", nullable = false)
    private Instant signedInAt;

    protected CompanyIdentity() {
    }

    CompanyIdentity(String issuer, String subject, String username, Instant now) {
        this.issuer = issuer;
        this.subject = subject;
        this.username = username;
        this.createdAt = now;
        this.signedInAt = now;
    }

    String username() {
        return username;
    }

    void signedIn(Instant now) {
        this.signedInAt = now;
    }

    /** The primary key: issuer and subject. */
    static class Key implements Serializable {

        private String issuer;
        private String subject;

        protected Key() {
        }

        Key(String issuer, String subject) {
            this.issuer = issuer;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && issuer.equals(key.issuer) && subject.equals(key.subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(issuer, subject);
        }
    }
}
