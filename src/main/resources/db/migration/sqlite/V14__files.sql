-- Files people upload to rooms. A file belongs to its room and uploader; a message takes it by its client id
-- (client_id, set when the message claims it, before the message is stored), then by its id (message_id).
-- Until a message takes it, only its uploader may read it.
CREATE TABLE files (
    id           TEXT    PRIMARY KEY,
    room_id      TEXT    NOT NULL REFERENCES rooms (id),
    uploader     TEXT    NOT NULL REFERENCES users (username),
    name         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    client_id    TEXT,
    message_id   INTEGER REFERENCES messages (id)
);
CREATE INDEX files_by_message ON files (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX files_by_claim ON files (uploader, client_id) WHERE client_id IS NOT NULL;

-- The bytes of files when the database keeps them (parley.files.store=database: several nodes, no shared disk).
CREATE TABLE file_contents (
    file_key TEXT PRIMARY KEY,
    content  BLOB NOT NULL
);
