-- The change log that lets a reconnecting client catch up on changes instead of re-reading histories. Each room
-- counts its changes (change_seq): an edit, a deletion, a message's reactions, its members or settings. The
-- count is raised under the room's lock, so its numbers follow commit order, as message ids do. A message
-- remembers the number of its latest change: a resume reads the messages changed after a number, once each,
-- whatever happened to them in between.
ALTER TABLE rooms ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN change_seq INTEGER;
CREATE INDEX messages_by_change ON messages (room_id, change_seq) WHERE change_seq IS NOT NULL;
