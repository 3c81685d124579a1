-- Emoji reactions: who reacted to which message with what, in the order they did. A person reacts with an emoji
-- once per message; deleting the message deletes its reactions.
CREATE TABLE reactions (
    message_id INTEGER NOT NULL REFERENCES messages (id),
    username   TEXT    NOT NULL REFERENCES users (username),
    emoji      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (message_id, username, emoji)
);
