-- Personal access tokens: bots and scripts act as their user with "Authorization: Bearer <token>". Only a hash
-- of each secret is kept (SHA-256: the secrets are 256 random bits, so a slow hash would add nothing but cost
-- on every request).
CREATE TABLE access_tokens (
    id           TEXT    PRIMARY KEY,
    username     TEXT    NOT NULL REFERENCES users (username),
    name         TEXT    NOT NULL,
    secret_hash  TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
CREATE INDEX access_tokens_by_user ON access_tokens (username);
