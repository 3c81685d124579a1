-- New messages are indexed for search once per batch, by MessageInserts, in the transaction that stores them:
-- one INSERT INTO messages_fts ... SELECT for the batch. A trigger indexed each row in its own statement,
-- which cost FTS5 about as much as storing the message itself (measured: about twice the time per insert,
-- docs/performance.md; FTS5 seems to write its pending terms out at each statement's end). Edits and deletes
-- keep their triggers.
DROP TRIGGER messages_fts_after_insert;
