-- Threads: a reply is a message of its room like any other (it takes the room's next id, so replay and gap
-- detection need nothing new) that names the first message of its thread. Replies of one thread are read
-- together, and a page of roots counts its replies, through this index.
ALTER TABLE messages ADD COLUMN thread_id BIGINT REFERENCES messages (id);
CREATE INDEX messages_by_thread ON messages (thread_id, id) WHERE thread_id IS NOT NULL;
