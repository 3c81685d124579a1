-- A member hides a direct conversation from their sidebar: it stays hidden while the room's newest message is the
-- one it had then (hidden_up_to), and shows again by itself when a new message arrives, with nothing written on
-- the message path. NULL: shown.
ALTER TABLE memberships ADD COLUMN hidden_up_to BIGINT;
