-- Administration: admins, disabled accounts, messages removed by a moderator, settings an admin changes at
-- runtime, and the audit log (append-only: nothing in Parley updates or deletes its rows).
ALTER TABLE users ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN disabled_at INTEGER;

ALTER TABLE messages ADD COLUMN moderated INTEGER NOT NULL DEFAULT 0;

CREATE TABLE settings (
    name       TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    changed_at INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    actor   TEXT,
    action  TEXT    NOT NULL,
    target  TEXT,
    detail  TEXT,
    address TEXT
);
