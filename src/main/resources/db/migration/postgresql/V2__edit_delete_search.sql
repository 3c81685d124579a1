-- Edits and deletions leave a mark; a deleted message's text is erased, not hidden.
ALTER TABLE messages ADD COLUMN edited_at BIGINT;
ALTER TABLE messages ADD COLUMN deleted_at BIGINT;

-- Full-text search: a tsvector kept by PostgreSQL itself, under a GIN index. The 'simple' configuration does
-- no stemming and knows no stop words, so it treats every language a team writes in alike.
ALTER TABLE messages ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED;
CREATE INDEX messages_search ON messages USING GIN (search);
