-- Parley's first schema. Times are epoch milliseconds (UTC).
CREATE TABLE users (
    username      TEXT    PRIMARY KEY,
    display_name  TEXT    NOT NULL,
    password_hash TEXT,
    created_at    INTEGER NOT NULL
);

CREATE TABLE rooms (
    id              TEXT    PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('direct', 'group')),
    name            TEXT,
    direct_key      TEXT    UNIQUE,
    created_by      TEXT    NOT NULL REFERENCES users (username),
    created_at      INTEGER NOT NULL,
    last_message_id INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE memberships (
    room_id      TEXT    NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    username     TEXT    NOT NULL REFERENCES users (username),
    joined_at    INTEGER NOT NULL,
    last_read_id INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (room_id, username)
);
CREATE INDEX memberships_by_user ON memberships (username);

-- AUTOINCREMENT: an id is never handed out twice, even after the newest message is deleted.
CREATE TABLE messages (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    room_id   TEXT    NOT NULL REFERENCES rooms (id),
    sender    TEXT    NOT NULL REFERENCES users (username),
    body      TEXT    NOT NULL,
    client_id TEXT    NOT NULL,
    sent_at   INTEGER NOT NULL,
    prev_id   INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX messages_by_client_id ON messages (sender, client_id);
CREATE INDEX messages_by_room ON messages (room_id, id);
