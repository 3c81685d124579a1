-- Company sign-in (OpenID Connect, LDAP). A person from the company's identity provider is known by who vouches
-- for them (issuer; "ldap" for the directory) and the provider's id for them (subject; the DN in LDAP), never by a
-- username a local account could also hold. Their Parley user is created at their first sign-in.
CREATE TABLE identities (
    issuer       TEXT    NOT NULL,
    subject      TEXT    NOT NULL,
    username     TEXT    NOT NULL REFERENCES users (username),
    created_at   BIGINT  NOT NULL,
    signed_in_at BIGINT  NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX identities_by_user ON identities (username);

-- How the person signs in: 'password' (a local account), 'oidc' or 'ldap'.
ALTER TABLE users ADD COLUMN signs_in_with TEXT NOT NULL DEFAULT 'password';
-- An admin because the provider put them in the admin group at their last sign-in (kept apart from the console's
-- grant, so the next sign-in can take it back without touching what an admin decided).
ALTER TABLE users ADD COLUMN admin_by_group BOOLEAN NOT NULL DEFAULT FALSE;
