-- Sign-ins every node can check, so that a person stays signed in when their node dies or is redeployed: the
-- browser keeps a cookie with a random secret (only its SHA-256 is stored here), and whichever node it reaches
-- next takes the sign-in up from this row. Ending one (signing out, expiry, signing in again) is written here
-- first, so no node can take it up any more.
CREATE TABLE sign_ins (
    id                TEXT    PRIMARY KEY,
    username          TEXT    NOT NULL REFERENCES users (username),
    secret_hash       TEXT    NOT NULL UNIQUE,
    started_at        BIGINT  NOT NULL,
    last_used_at      BIGINT  NOT NULL,
    ended_at          BIGINT,
    ended_why         TEXT,
    -- Where signing out of the company's identity provider goes on (OpenID Connect), including its ID token hint.
    provider_sign_out TEXT
);
CREATE INDEX sign_ins_by_user ON sign_ins (username);
