-- Channels: a group room is private (its members add people, as before) or public (anyone can find it in the
-- channel list and join); it may have a topic; and an archived room is read-only and left out of the sidebar,
-- its messages still readable and searchable by its members.
ALTER TABLE rooms ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'public'));
ALTER TABLE rooms ADD COLUMN topic TEXT;
ALTER TABLE rooms ADD COLUMN archived_at INTEGER;
CREATE INDEX rooms_public ON rooms (name) WHERE visibility = 'public';
