-- New messages are indexed for search once per batch, by MessageInserts, in the transaction that stores them:
-- one INSERT INTO messages_fts ... SELECT for the batch. A trigger indexed each row in its own statement, and
-- FTS5 writes its pending terms out as a new segment at the end of every statement, so each message cost a
-- segment write and the merges that follow: about 60 % of storing it (docs/performance.md). Edits and deletes
-- keep their triggers.
DROP TRIGGER messages_fts_after_insert;
